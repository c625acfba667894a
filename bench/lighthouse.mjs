// Lighthouse 12 (mobile preset: simulated slow 4G, 4× CPU) on the demo and on
// a deployed 1,000-session schedule, served with brotli from dist/. Writes
// bench/results/lighthouse.{json,md}. Lighthouse 12.x is the last line that
// runs on Node 20; it is fetched with npx (pinned), not a test dependency.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// Asynchronous: the server runs in this process and must keep answering.
const run = promisify(execFile);
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../tests/e2e/serve.mjs';
import { deploy } from './lib.mjs';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const sites = [['demo (28 sessions)', null], ['deployed 1,000 sessions', 'bench/out/synth-1000.json']];
const rows = [];
for (const [name, file] of sites) {
  // Deployed as an organiser's build does it (the start view rendered from the file).
  const dir = deploy(file ? readFileSync(file) : readFileSync('dist/schedule.json'), 'lh');
  const server = await serve(dir, 0, { brotli: true });
  const out = join(dir, 'lh.json');
  await run(
    'npx',
    ['--yes', LIGHTHOUSE, server.url + '/', '--quiet', '--output=json', `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
  );
  await server.close();
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const score = (c) => Math.round(r.categories[c].score * 100);
  const audit = (a) => r.audits[a]?.numericValue;
  rows.push({
    name,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    failing: Object.values(r.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary').map((a) => a.id),
  });
  console.log(JSON.stringify(rows.at(-1)));
}
let md = `Lighthouse ${LIGHTHOUSE.split('@')[1]} mobile (simulated slow 4G, 4× CPU), Chromium, served with brotli:\n\n`;
md += '| page | performance (goal ≥ 95) | accessibility (goal 100) | best practices (goal 100) | FCP | LCP | TBT | CLS (goal ≤ 0.02) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n';
for (const r of rows) md += `| ${r.name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${(r.fcpMs / 1000).toFixed(1)} s | ${(r.lcpMs / 1000).toFixed(1)} s | ${Math.round(r.tbtMs)} ms | ${r.cls.toFixed(3)} |\n`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/lighthouse.json', JSON.stringify(rows, null, 1));
writeFileSync('bench/results/lighthouse.md', md);
console.log('\n' + md);
