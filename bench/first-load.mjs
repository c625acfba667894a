// First-load benchmark on a throttled phone profile (issue "Instant on a
// phone"): what the user sees, measured in headless Chromium.
//
// The app is deployed as a conference deploys it: the synthetic frab
// schedule of N sessions as dist's own schedule.json, served with brotli
// (the `.br` copies the build writes), against a static HTML page listing the
// same sessions. Profile: 4× CPU slowdown, 150 ms RTT, 1.6 Mbit/s down (as
// Lighthouse's "slow 4G" mobile), 412 × 823 viewport. Median of RUNS runs,
// a fresh context (empty cache, no service worker) each.
//
// Measures:
// - navigation → first session title painted (a frame after an h3 appears),
//   static page vs app, at 1,000 and 10,000 (deployed) and 1,000 via ?schedule=;
// - search: the input event of the last keystroke → the frame showing the
//   final list, held two frames (typed with the keyboard);
// - memory (JS heap + wasm) at 10,000.
// Writes bench/results/first-load.{json,md}. Not a test: it reports numbers.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { serve } from '../tests/e2e/serve.mjs';
import { br, deploy, throttle } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const median = (xs) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

const PROBE = () => {
  const b = (window.__bench = { firstTitle: null, ownTitle: null, ready: null, lastMutation: 0, heading: null, longest: 0 });
  // The longest task of the page's start (read once the app has taken over).
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (b.longest = Math.max(b.longest, e.duration)))).observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => (b.wasm = e.detail.wasm));
  new MutationObserver(() => {
    b.lastMutation = performance.now();
    // A title the user can see: the built copy counts only where it shows.
    const title = [...document.querySelectorAll('article h3')].find((h) => h.checkVisibility());
    if (b.firstTitle === null && title) {
      b.firstTitle = -1;
      requestAnimationFrame(() => (b.firstTitle = performance.now()));
    }
    // A title the app drew itself: under ?schedule= the deployed schedule's
    // built copy is not the file asked for, and its titles can be parsed
    // (and so seen by this probe) before the style sheet that hides them.
    const own = [...document.querySelectorAll('article h3')].find((h) => !h.closest('#prerender') && h.checkVisibility());
    if (b.ownTitle === null && own) {
      b.ownTitle = -1;
      requestAnimationFrame(() => (b.ownTitle = performance.now()));
    }
    // A deep link's page title (a session's own page, built or drawn).
    const h1 = document.querySelector('main h1');
    if (b.heading === null && h1 && h1.textContent.trim() && h1.checkVisibility()) {
      b.heading = -1;
      requestAnimationFrame(() => (b.heading = performance.now()));
    }
    // Ready: a star of the live app (not the inert built copy) is painted;
    // Leptos attaches its handler when it creates the button.
    const star = document.querySelector('main#main button.star');
    if (b.ready === null && star && !star.closest('#prerender') && star.checkVisibility()) {
      b.ready = -1;
      requestAnimationFrame(() => (b.ready = performance.now()));
    }
  // The adopted built page becomes the app by its wrapper's id (#prerender → #app).
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['id'] });
};

/** Tap the live app's first star and wait for its label to change: the ready star really reacts. */
async function starReacts(page) {
  const star = page.locator('main#main button.star').first();
  const before = await star.getAttribute('aria-label');
  await star.click();
  await page.waitForFunction((b) => document.querySelector('main#main button.star')?.getAttribute('aria-label') !== b, before, { timeout: 10000 });
}

function staticBaseline(schedule, css) {
  const rooms = new Map(schedule.schedule.conference.days.flatMap((d) => Object.keys(d.rooms).map((r) => [r, r])));
  const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>baseline</title><link rel="stylesheet" href="/${css}"></head><body><main><h1>Programme</h1>`;
  for (const day of schedule.schedule.conference.days) {
    html += `<section class="day"><h2>${day.date}</h2>`;
    for (const [room, events] of Object.entries(day.rooms)) {
      for (const e of events) {
        html += `<article class="session"><p class="session-time">${e.start}</p><div class="session-body"><h3><a href="#">${esc(e.title)}</a></h3><p class="session-meta">${esc(rooms.get(room))}</p><ul class="speakers">${(e.persons ?? []).map((p) => `<li>${esc(p.public_name ?? p.name)}</li>`).join('')}</ul></div><button class="star">☆</button></article>`;
      }
    }
    html += '</section>';
  }
  return html + '</main></body></html>';
}

/** `DRAW=anew`: the app draws every page itself, as a tab whose adoption failed (the lever table's other number). */
const DRAW_ANEW = process.env.DRAW === 'anew';

async function newPage(context) {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  if (DRAW_ANEW) await page.addInitScript(() => sessionStorage.setItem('schedule-viewer/draw-anew', '1'));
  return page;
}

async function firstTitle(browser, url, isApp = true, which = 'firstTitle') {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await newPage(context);
  await throttle(page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction((w) => window.__bench[w] > 0, which, { timeout: 180000, polling: 50 });
  const t = await page.evaluate((w) => window.__bench[w], which);
  // Then wait for the app itself to have taken over.
  if (isApp) await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('#main article'), null, { timeout: 180000, polling: 50 });
  return { t, page, context };
}

/** A deep link (a session's page): navigation → its title painted, and the
 * layout shift until the app has taken over. */
async function deepLink(browser, url, isApp = true) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await newPage(context);
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
  });
  await throttle(page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.heading > 0, null, { timeout: 180000, polling: 50 });
  const t = await page.evaluate(() => window.__bench.heading);
  if (isApp) await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('#main button.star'), null, { timeout: 180000, polling: 50 });
  const cls = await page.evaluate(() => window.__cls);
  await context.close();
  return { t, cls };
}

function staticSession(schedule, css) {
  const e = schedule.schedule.conference.days[0].rooms[Object.keys(schedule.schedule.conference.days[0].rooms)[0]][0];
  const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>baseline</title><link rel="stylesheet" href="/${css}"></head><body><main><h1>${esc(e.title)}</h1><p>${e.start} · ${e.room}</p><p>${esc(e.abstract)}</p></main></body></html>`;
}

async function searchPaint(page, text) {
  // Type with the keyboard; measure from the last input event to the frame
  // after the list's last change, once two more frames pass with no change.
  await page.evaluate(() => {
    window.__input = [];
    document.querySelector('#main input[type=search]').addEventListener('input', (e) => window.__input.push(e.timeStamp));
  });
  await page.locator('#main input[type=search]').focus();
  await page.keyboard.type(text, { delay: 60 });
  return page.evaluate(async () => {
    const b = window.__bench;
    const last = window.__input.at(-1);
    // Wait for two frames in a row with no DOM change.
    let quiet = 0;
    let painted = performance.now();
    while (quiet < 2) {
      const before = b.lastMutation;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const now = performance.now();
      if (b.lastMutation === before) quiet += 1;
      else {
        quiet = 0;
        painted = now;
      }
      if (b.lastMutation < last) painted = Math.max(painted, now);
    }
    return (b.lastMutation > last ? Math.max(painted, b.lastMutation) : painted) - last;
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});
const css = readdirSync('dist').find((f) => /^style-.*\.css$/.test(f));
const results = [];
for (const n of SIZES) {
  // Deployed: the conference's file, in our format (what an organiser's build
  // writes: the other formats are converted at build time), is the app's
  // schedule.json and its start view is rendered from it.
  const dir = deploy(readFileSync(`bench/out/synth-${n}.json`), `first-${n}`);
  // Another conference's frab file, opened with ?schedule= (read by the
  // importers part, loaded for it).
  const text = readFileSync(`bench/out/synth-${n}-frab.json`);
  writeFileSync(join(dir, 'other.json'), text);
  writeFileSync(join(dir, 'other.json.br'), br(text));
  const baseline = Buffer.from(staticBaseline(JSON.parse(text), css));
  writeFileSync(join(dir, 'baseline.html'), baseline);
  writeFileSync(join(dir, 'baseline.html.br'), br(baseline));
  const baselineSession = Buffer.from(staticSession(JSON.parse(text), css));
  writeFileSync(join(dir, 'baseline-session.html'), baselineSession);
  writeFileSync(join(dir, 'baseline-session.html.br'), br(baselineSession));
  const firstSession = JSON.parse(readFileSync(join(dir, 'schedule.json'), 'utf8')).sessions[0].id;
  const server = await serve(dir, 0, { brotli: true });
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const st = await firstTitle(browser, server.url + '/baseline.html', false);
    await st.context.close();
    const app = await firstTitle(browser, server.url + '/');
    await app.page.waitForFunction(() => window.__bench.ready > 0, null, { timeout: 180000, polling: 50 });
    const ready = await app.page.evaluate(() => window.__bench.ready);
    const appReady = await app.page.evaluate(() => performance.now());
    // The start's longest task and the page's size in nodes, once the app is ready and idle.
    await app.page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    const { longest, nodes } = await app.page.evaluate(() => ({ longest: window.__bench.longest, nodes: document.getElementsByTagName('*').length }));
    const search = await searchPaint(app.page, 'late');
    await starReacts(app.page);
    const memory = await app.page.evaluate(() => (performance.memory?.usedJSHeapSize ?? 0) + (window.__bench.wasm?.memory?.buffer?.byteLength ?? 0));
    await app.context.close();
    let viaQuery = NaN;
    let deep = { t: NaN, cls: NaN };
    let deepStatic = NaN;
    if (n === 1000) {
      deepStatic = (await deepLink(browser, server.url + '/baseline-session.html', false)).t;
      deep = await deepLink(browser, `${server.url}/session/${encodeURIComponent(firstSession)}/`);
      const q = await firstTitle(browser, server.url + '/?schedule=/other.json', true, 'ownTitle');
      viaQuery = q.t;
      await q.context.close();
    }
    runs.push({ static: st.t, app: app.t, ready, appReady, longest, nodes, viaQuery, search, memory, deepStatic, deep: deep.t, deepCls: deep.cls });
    console.log(n, JSON.stringify(runs.at(-1)));
  }
  await server.close();
  const m = (k) => median(runs.map((r) => r[k]));
  results.push({ sessions: n, staticMs: m('static'), appMs: m('app'), readyMs: m('ready'), appReadyMs: m('appReady'), longestTaskMs: m('longest'), domNodes: m('nodes'), builtIndexBytes: readFileSync(join(dir, 'index.html')).length, viaQueryMs: m('viaQuery'), searchMs: m('search'), memoryMB: m('memory') / 2 ** 20, deepStaticMs: m('deepStatic'), deepMs: m('deep'), deepCls: m('deepCls') });
}
await browser.close();

// What the start view loads, as the size report counts it (scripts/size-report.mjs).
const brotli = JSON.parse(readFileSync('dist/size.json', 'utf8')).total.brotli;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Chromium ${browser.version()}`;
const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
let md = `First load on a throttled phone profile (4× CPU, 150 ms RTT, 1.6 Mbit/s, 412 × 823; ${machine}; median of ${RUNS}; brotli):\n\n`;
md += '| sessions | first title, static page | first title, app (deployed) | ratio (goal ≤ 1.5 at 1,000, ≤ 2 at 10,000) | ready: a star of the live app reacts | ratio (goal ≤ 2 at 1,000) | longest task of the start (goal ≤ 200 ms at 1,000) | DOM nodes when ready | built index.html | first title via ?schedule= | ratio (goal ≤ 2) | search: input → final list painted (goal ≤ 33 ms at 1,000, ≤ 50 at 10,000) | memory (goal ≤ 64 MB at 10,000) |\n';
md += '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n';
for (const r of results) {
  md += `| ${r.sessions} | ${f(r.staticMs)} ms | ${f(r.appMs)} ms | ${f(r.appMs / r.staticMs, 2)} | ${f(r.readyMs)} ms | ${f(r.readyMs / r.staticMs, 2)} | ${f(r.longestTaskMs)} ms | ${f(r.domNodes)} | ${f(r.builtIndexBytes / 1000, 1)} KB | ${r.sessions === 1000 ? f(r.viaQueryMs) + ' ms' : '—'} | ${r.sessions === 1000 ? f(r.viaQueryMs / r.staticMs, 2) : '—'} | ${f(r.searchMs)} ms | ${f(r.memoryMB, 1)} MB |\n`;
}
const deepRow = results.find((r) => r.sessions === 1000);
if (deepRow) {
  md += `\nA deep link to a session's page (\`/session/<id>/\`, a built page) at 1,000 sessions: its title painted in ${f(deepRow.deepMs)} ms against ${f(deepRow.deepStaticMs)} ms for a static page of the same session: ratio ${f(deepRow.deepMs / deepRow.deepStaticMs, 2)} (goal ≤ 1.5); layout shift until the app has taken over (CLS) ${f(deepRow.deepCls, 3)} (goal ≤ 0.02).\n`;
}
md += `\nFirst-load code (what the start view loads: html + js + wasm + css, brotli 11, as scripts/size-report.mjs counts it): **${(brotli / 1000).toFixed(1)} KB** (KB = 1,000 bytes) (goal ≤ 120 KB).\n`;
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/first-load${DRAW_ANEW ? '-anew' : ''}.json`, JSON.stringify({ machine, firstLoadBrotliBytes: brotli, results }, null, 1));
writeFileSync(`bench/results/first-load${DRAW_ANEW ? '-anew' : ''}.md`, md);
console.log('\n' + md);
