// Where a search keystroke's time goes (issue 18, the "show or hide cards"
// lever): at 1,000 sessions on the phone profile (4× CPU), input → final list
// painted for four keystrokes after "lat":
//   refine  "lat"   → "late"   (the bench's figure: some cards go, some come)
//   same    "late"  → "late "  (the same result: no card built or removed)
//   swap    "late " → "late z" (the cards shown all replaced by others)
//   back    "late z"→ "late "  (the first page built again: what show/hide would spare)
// Not part of the test suite. Usage: node bench/search-parts.mjs [runs]
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { serve } from '../tests/e2e/serve.mjs';
import { deploy, throttle } from './lib.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const n = Number(process.env.SESSIONS ?? 1000);
const dir = deploy(readFileSync(`bench/out/synth-${n}.json`), `search-${n}`);
const server = await serve(dir, 0, { brotli: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function key(page, k) {
  await page.evaluate(() => (window.__input = []));
  await page.keyboard.press(k);
  return page.evaluate(async () => {
    const last = window.__input.at(-1);
    let quiet = 0;
    let painted = performance.now();
    while (quiet < 2) {
      const before = window.__lastMutation;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const now = performance.now();
      if (window.__lastMutation === before) quiet += 1;
      else { quiet = 0; painted = now; }
    }
    return { ms: painted - last, cards: document.querySelectorAll('#main article.session').length };
  });
}

const rows = { refine: [], same: [], swap: [], back: [] };
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lastMutation = 0;
    new MutationObserver(() => (window.__lastMutation = performance.now())).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(server.url + '/');
  await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('#main button.star'));
  await throttle(page);
  await page.waitForTimeout(3000);
  const input = page.locator('#main input[type=search]');
  await input.focus();
  await page.evaluate(() => document.querySelector('#main input[type=search]').addEventListener('input', (e) => window.__input.push(e.timeStamp)));
  await page.keyboard.type('lat', { delay: 300 });
  await page.waitForTimeout(1500);
  const out = {};
  out.refine = await key(page, 'e');
  out.same = await key(page, 'Space');
  out.swap = await key(page, 'z');
  out.back = await key(page, 'Backspace');
  for (const k of Object.keys(rows)) rows[k].push(out[k].ms);
  console.log(run, JSON.stringify(out));
  await context.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, xs] of Object.entries(rows)) console.log(k.padEnd(7), `median ${median(xs).toFixed(0)} ms`, xs.map((x) => x.toFixed(0)).join(' '));
await browser.close();
await server.close();
