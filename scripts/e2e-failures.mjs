// Names the Playwright tests that failed, one line each, from the JSON report
// the suite writes (playwright.config.ts): CI shows only the end of its log,
// and the list reporter's failure details sit far above it.
// Usage: node scripts/e2e-failures.mjs [target/e2e-results.json]
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The first lines of an error with something in them, colours dropped.
const gist = (text) =>
  (text ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('at '))
    .slice(0, 4)
    .join(' · ')
    .slice(0, 400);

/**
 * A line per failed test of a Playwright JSON `report` ("file:line describe ›
 * title: what failed"), its path written from `cwd`, then the counts.
 */
export function failures(report, cwd = process.cwd()) {
  const root = report.config?.rootDir;
  const where = (file) => (root ? relative(cwd, join(root, file)) : file);
  const lines = [];
  const walk = (suite, titles) => {
    // A file's own suite is named by its path already; a describe block adds its title.
    const named = suite.title && suite.title !== suite.file ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const results = spec.tests.flatMap((t) => t.results);
      const bad = results.find((r) => r.status !== 'passed' && r.status !== 'skipped') ?? results[0];
      const why = gist(bad?.error?.message ?? bad?.errors?.[0]?.message) || bad?.status || 'failed';
      lines.push(`FAIL   ${where(spec.file)}:${spec.line} ${[...named, spec.title].join(' › ')}: ${why}`);
    }
    for (const child of suite.suites ?? []) walk(child, named);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const error of report.errors ?? []) lines.push(`FAIL   (outside a test) ${gist(error.message)}`);
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  lines.push(`Playwright: ${expected} passed, ${unexpected} failed, ${flaky} flaky, ${skipped} skipped`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'target/e2e-results.json';
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`  (no Playwright report at ${file}: ${e.message})`);
    process.exit(0);
  }
  for (const line of failures(report)) console.log(`  ${line}`);
}
