// Browser benchmark: the release dist/ in headless Chromium, served on
// 127.0.0.1, a fresh context (and so an empty cache) per run, median of RUNS
// (default 5) runs per size. Not a test: it reports numbers.
// Usage: node bench/browser.mjs  (after `trunk build --release` and
// generating bench/out/synth-<n>.json; bench/run.sh does both).
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { serve } from '../tests/e2e/serve.mjs';
import { deploy } from './lib.mjs';

const SIZES = (process.env.SIZES ?? '25,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

// Recorded in the page from before the first byte of HTML is parsed.
const PROBE = () => {
  const b = (window.__bench = { firstTitle: null, lastMutation: 0, longTasks: [], wasm: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  addEventListener('TrunkApplicationStarted', (e) => (b.wasm = e.detail.wasm));
  new MutationObserver(() => {
    const now = performance.now();
    b.lastMutation = now;
    if (b.firstTitle === null && document.querySelector('article h3, .session h3')) {
      requestAnimationFrame(() => (b.firstTitle = performance.now()));
      b.firstTitle = -1;
    }
  }).observe(document, { subtree: true, childList: true });
};

async function settled(page, quietMs = 400, timeout = 60000) {
  const start = Date.now();
  for (;;) {
    const idle = await page.evaluate(() => performance.now() - window.__bench.lastMutation);
    if (idle > quietMs) return;
    if (Date.now() - start > timeout) throw new Error('page never settled');
    await page.waitForTimeout(100);
  }
}

// Interactions are timed in the page: from the event to the next frame after the work
// (the app's DOM updates run in microtasks, flushed before the timeout).
function staticBaseline(schedule) {
  const rooms = Object.fromEntries(schedule.rooms.map((r) => [r.id, r.name]));
  const people = Object.fromEntries(schedule.speakers.map((p) => [p.id, p.name]));
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>baseline</title><link rel="stylesheet" href="/${readdirSync('dist').find((f) => f.endsWith('.css'))}"></head><body><main><h1>Programme</h1>`;
  let day = '';
  for (const s of schedule.sessions) {
    const d = s.start.slice(0, 10);
    if (d !== day) {
      html += `${day ? '</section>' : ''}<section class="day"><h2>${d}</h2>`;
      day = d;
    }
    html += `<article class="session"><p class="session-time">${s.start.slice(11, 16)}–${s.end.slice(11, 16)}</p><div class="session-body"><h3><a href="#">${esc(s.title)}</a></h3><p class="session-meta">${esc(rooms[s.room] ?? '')}</p><ul class="speakers">${s.speakers.map((p) => `<li>${esc(people[p])}</li>`).join('')}</ul><p class="abstract">${esc(s.abstract)}</p></div><button class="star">☆</button></article>`;
  }
  return html + '</section></main></body></html>';
}

/** What the start view loads, as the size report counts it (scripts/size-report.mjs writes dist/size.json). */
function codeSize() {
  const { total } = JSON.parse(readFileSync('dist/size.json', 'utf8'));
  return { raw: total.raw, brotli: total.brotli };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});
const results = [];
for (const n of SIZES) {
  const text = readFileSync(`bench/out/synth-${n}.json`, 'utf8');
  // Deployed as an organiser's build does (its start view rendered from the file).
  const dir = deploy(text, `bench-${n}`);
  const schedule = JSON.parse(text);
  writeFileSync(join(dir, 'baseline.html'), staticBaseline(schedule));
  const server = await serve(dir, 0);
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    // Baseline: the same sessions as plain static HTML.
    await page.goto(server.url + '/baseline.html');
    await page.waitForFunction(() => window.__bench.firstTitle > 0);
    const baseline = await page.evaluate(() => window.__bench.firstTitle);
    // The app.
    await page.goto(server.url + '/');
    await page.waitForFunction(() => window.__bench.firstTitle > 0, null, { timeout: 120000 });
    await settled(page);
    const load = await page.evaluate(() => {
      const b = window.__bench;
      const after = b.longTasks.filter((t) => t.start >= b.firstTitle);
      return {
        firstTitle: b.firstTitle,
        settled: b.lastMutation,
        domCards: document.querySelectorAll('article').length,
        maxLongTaskAfterFirstPaint: after.reduce((m, t) => Math.max(m, t.duration), 0),
        jsHeap: performance.memory?.usedJSHeapSize ?? null,
        wasmMemory: b.wasm?.memory?.buffer?.byteLength ?? null,
      };
    });
    const filter = [];
    for (const q of ['l', 'la', 'lat', 'late', 'laten', 'latency', 'latenc', 'laten']) {
      filter.push(
        await page.evaluate(async (q) => {
          const t0 = performance.now();
          const i = document.querySelector('input[type=search]');
          i.value = q;
          i.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 0));
          await new Promise((r) => requestAnimationFrame(() => r()));
          return performance.now() - t0;
        }, q),
      );
    }
    await settled(page, 200);
    await page.evaluate(() => {
      const i = document.querySelector('input[type=search]');
      i.value = '';
      i.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settled(page, 200);
    const track = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('fieldset.tracks input').click();
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => r()));
      return performance.now() - t0;
    });
    await settled(page, 200);
    const star = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('button.star').click();
      while (!Object.keys(localStorage).some((k) => k.startsWith('schedule-viewer/agenda/'))) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => r()));
      return performance.now() - t0;
    });
    runs.push({ baseline, ...load, filter: median(filter), track, star });
    await context.close();
  }
  await server.close();
  const m = (k) => median(runs.map((r) => r[k]));
  results.push({
    sessions: n,
    runs: RUNS,
    baselineFirstTitleMs: m('baseline'),
    firstTitleMs: m('firstTitle'),
    settledMs: m('settled'),
    domCards: m('domCards'),
    filterKeystrokeMs: m('filter'),
    trackToggleMs: m('track'),
    starMs: m('star'),
    maxLongTaskAfterFirstPaintMs: m('maxLongTaskAfterFirstPaint'),
    jsHeapMB: m('jsHeap') / 2 ** 20,
    wasmMemoryMB: m('wasmMemory') / 2 ** 20,
  });
  console.log(JSON.stringify(results.at(-1)));
}
await browser.close();

const size = codeSize();
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Chromium ${browser.version()}`;
let md = `Browser benchmark (${machine}; median of ${RUNS} runs, fresh context each):\n\n`;
md += '| sessions | first title (static HTML baseline) | first title (app) | ratio (goal ≤ 1.5 at 1,000) | initial render settled | cards in DOM | filter keystroke (goal ≤ 16 ms at 1,000, ≤ 50 at 10,000) | track toggle | star → saved + painted | longest task after first paint (goal ≤ 200 ms) | JS heap + wasm (goal ≤ 64 MB) |\n';
md += '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n';
for (const r of results) {
  md += `| ${r.sessions} | ${f(r.baselineFirstTitleMs)} ms | ${f(r.firstTitleMs)} ms | ${f(r.firstTitleMs / r.baselineFirstTitleMs, 2)} | ${f(r.settledMs)} ms | ${r.domCards} | ${f(r.filterKeystrokeMs)} ms | ${f(r.trackToggleMs)} ms | ${f(r.starMs)} ms | ${f(r.maxLongTaskAfterFirstPaintMs)} ms | ${f(r.jsHeapMB + r.wasmMemoryMB)} MB (${f(r.jsHeapMB)} + ${f(r.wasmMemoryMB)}) |\n`;
}
md += `\nFirst-load code (what the start view loads: html + js + wasm + css): ${size.raw} B raw, **${(size.brotli / 1000).toFixed(1)} KB brotli** (KB = 1,000 bytes) (goal ≤ 120 KB).\n`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/browser.json', JSON.stringify({ machine, size, results }, null, 1));
writeFileSync('bench/results/browser.md', md);
console.log('\n' + md);
