// Where the start's time goes: a CPU profile of a deployed 1,000-session
// schedule's first load on the throttled phone profile (4× CPU), with the
// wasm's function names (build with `KEEP_NAMES=1 trunk build --release
// --offline`: the name section kept). Prints the long tasks and, for the
// window from the first long task to ready, the functions with the most
// self time. `DRAW=anew`: the app draws the page itself instead of adopting
// it. `LOCALE=de-DE`: the browser's language (another than the build's:
// the app fetches the catalogue and draws the page in it). Not a test: it
// reports where to look.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { serve } from '../tests/e2e/serve.mjs';
import { deploy, throttle } from './lib.mjs';

const n = Number(process.env.SESSIONS ?? 1000);
const dir = deploy(readFileSync(`bench/out/synth-${n}.json`), `profile-${n}`);
const server = await serve(dir, 0, { brotli: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 }, locale: process.env.LOCALE ?? 'en-US' });
const page = await context.newPage();
await page.addInitScript(() => {
  window.__tasks = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
});
if (process.env.DRAW === 'anew') await page.addInitScript(() => sessionStorage.setItem('schedule-viewer/draw-anew', '1'));
await throttle(page);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(server.url + '/');
await page.waitForFunction(() => document.querySelector('main#main button.star') && !document.getElementById('prerender'), null, { timeout: 120000 });
await page.waitForTimeout(2000);
const { profile } = await cdp.send('Profiler.stop');
console.log('long tasks [start, ms]:', JSON.stringify(await page.evaluate(() => window.__tasks)));
// Self time per function name, over the whole profile.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}`;
  self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
});
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45));
for (const [name, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 160)}`);
await browser.close();
await server.close();
