// Lighthouse (mobile preset) on two built dist/ directories' demo, taking
// turns, N runs each: one run is one sample, and TBT spreads widely.
//   node bench/lighthouse-compare.mjs DIST_A DIST_B [N]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve } from '../tests/e2e/serve.mjs';
const run = promisify(execFile);
const [a, b, n] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 3)];
const out = { [a]: [], [b]: [] };
for (let i = 0; i < n; i++) {
  for (const d of [a, b]) {
    const server = await serve(d, 0, { brotli: true });
    const file = join(mkdtempSync(join(tmpdir(), 'lh-')), 'lh.json');
    await run('npx', ['--yes', 'lighthouse@12.8.2', server.url + '/', '--quiet', '--output=json', `--output-path=${file}`, '--only-categories=performance',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    await server.close();
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const row = { perf: Math.round(r.categories.performance.score * 100), tbt: Math.round(r.audits['total-blocking-time'].numericValue), lcp: Math.round(r.audits['largest-contentful-paint'].numericValue) };
    out[d].push(row);
    console.log(d, JSON.stringify(row));
  }
}
for (const d of [a, b]) { const t = out[d].map((r) => r.tbt).sort((x, y) => x - y); console.log(d, 'TBT median', t[Math.floor(t.length / 2)], 'all', t.join(' ')); }
