// Names the Playwright tests that failed, one line each, from the JSON report
// the suite writes (playwright.config.ts): CI shows only the end of its log,
// and the list reporter's failure details sit far above it.
// Usage: node scripts/e2e-failures.mjs [target/e2e-results.json]
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'target/e2e-results.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.log(`  (no Playwright report at ${file}: ${e.message})`);
  process.exit(0);
}

const firstLine = (text) =>
  (text ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0) ?? '';

const failed = [];
const walk = (suite, titles) => {
  for (const spec of suite.specs ?? []) {
    if (spec.ok) continue;
    const results = spec.tests.flatMap((t) => t.results);
    const bad = results.find((r) => r.status !== 'passed' && r.status !== 'skipped') ?? results[0];
    const why = firstLine(bad?.error?.message ?? bad?.errors?.[0]?.message) || bad?.status || 'failed';
    failed.push(`${spec.file}:${spec.line} ${[...titles, spec.title].join(' › ')}: ${why.slice(0, 300)}`);
  }
  for (const child of suite.suites ?? []) walk(child, suite.title && !suite.file ? [...titles, suite.title] : titles);
};
for (const suite of report.suites ?? []) walk(suite, []);
for (const error of report.errors ?? []) failed.push(`(outside a test) ${firstLine(error.message)}`);

for (const line of failed) console.log(`  FAIL   ${line}`);
const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
console.log(`  Playwright: ${expected} passed, ${unexpected} failed, ${flaky} flaky, ${skipped} skipped`);
