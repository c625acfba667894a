// Per-format load benchmark (issue "More conferences"): each real test file,
// opened with ?schedule= in headless Chromium on the phone profile of
// first-load.mjs (4× CPU, 150 ms RTT, 1.6 Mbit/s, 412 × 823), fresh context
// each run; median of RUNS. Measures navigation → first session title
// painted, and reads the session count the page announces. Also times the
// native import (parse + validate) of each file. Writes
// bench/results/formats.{json,md} and the README table between
// <!-- formats --> markers. Not a test: it reports numbers.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { serve } from '../tests/e2e/serve.mjs';
import { throttle } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const FILES = [
  ['frab/pretalx schedule.json', 'camp2019-frab-schedule.json', ''],
  ['frab (pretalx export)', 'rc3-channels-schedule.json', ''],
  ['Sessionize "All data"', 'sessionize-orlando-codecamp-2020.json', '&tz=America/New_York'],
  ['pretalx widget (derived)', 'rc3-channels-widget.json', ''],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const PROBE = () => {
  const b = (window.__bench = { firstTitle: null });
  new MutationObserver(() => {
    // The file's own titles: under ?schedule= the built copy (the deployed
    // schedule's) never shows, but before the style sheet that hides it has
    // arrived it would count as visible.
    const title = [...document.querySelectorAll('main#main article h3')].find((h) => !h.closest('#prerender') && h.checkVisibility());
    if (b.firstTitle === null && title) {
      b.firstTitle = -1;
      requestAnimationFrame(() => (b.firstTitle = performance.now()));
    }
  }).observe(document, { subtree: true, childList: true });
};

async function once(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await throttle(page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.firstTitle > 0, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => window.__bench.firstTitle);
  // The count the app announces for this file: once the built copy (the
  // deployed schedule's page, hidden under ?schedule=) has gone, not its own.
  await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 120_000 });
  const count = await page.locator('#main .result-count').textContent();
  await context.close();
  return { ms, count: count?.trim() };
}

// Native import times, from the test binary's own timing lines.
// (the timing lines go to stderr; `2>&1` through a shell keeps them)
const nativeLog = execFileSync('sh', ['-c', 'cargo test --release --test more_formats -- --nocapture --test-threads=1 2>&1'], { encoding: 'utf8' });

// Served with brotli, as deployed (the build writes `.br` copies).
const server = await serve('dist', 0, { brotli: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
for (const [label, file, extra] of FILES) {
  const url = `${server.url}/?schedule=${encodeURIComponent(`/test-data/${file}`)}${extra}`;
  const runs = [];
  let count = '';
  for (let i = 0; i < RUNS; i++) {
    const r = await once(browser, url);
    runs.push(r.ms);
    count = r.count;
  }
  const bytes = statSync(`tests/data/${file}`).size;
  const line = nativeLog.split('\n').find((l) => l.includes(`${file}:`) && l.includes('imported in'));
  const raw = line ? line.replace(/.*imported in /, '').trim() : '';
  const m = raw.match(/^([\d.]+)(ms|µs|s)$/);
  const native = m ? `${(Number(m[1]) * { s: 1000, ms: 1, 'µs': 0.001 }[m[2]]).toFixed(1)} ms` : 'n/a';
  rows.push({ label, file, bytes, sessions: count, first_title_ms: Math.round(median(runs)), runs: runs.map(Math.round), native });
  console.log(label, count, Math.round(median(runs)), 'ms');
}
await browser.close();
await server.close();

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/formats.json', JSON.stringify({ runs: RUNS, rows, native: nativeLog.split('\n').filter((l) => l.includes('imported in')) }, null, 2));
const table = [
  `Per format, each real test file opened with \`?schedule=\` on the throttled phone profile (median of ${RUNS}; \`bench/formats.mjs\`):`,
  '',
  '| format | file | bytes | sessions shown | navigation → first title (phone) | native import (release) |',
  '|---|---|---:|---|---:|---:|',
  ...rows.map((r) => `| ${r.label} | \`${r.file}\` | ${r.bytes.toLocaleString('en')} | ${r.sessions} | ${r.first_title_ms} ms | ${r.native} |`),
].join('\n');
writeFileSync('bench/results/formats.md', table + '\n');
console.log(table);
