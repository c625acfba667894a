// Writes every benchmark figure into the README from one run's results
// (bench/results/*, written by the steps of bench/run.sh) and the size report
// of the same build (dist/size.json), with the commit they were measured on.
// Nothing in the README's tables is typed by hand: the goals table is
// computed here from the same results.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { intoReadme } from './lib.mjs';

const read = (f) => JSON.parse(readFileSync(f, 'utf8'));
const text = (f) => readFileSync(f, 'utf8');
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
// The run itself rewrites bench/results and the README: changes elsewhere make it dirty.
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results', ':!README.md'], { encoding: 'utf8' }).trim() !== '';
const size = read('dist/size.json');
const budget = read('bench/budget.json');
const first = read('bench/results/first-load.json');
const lighthouse = read('bench/results/lighthouse.json');
const at = (n) => first.results.find((r) => r.sessions === n);
// KB = 1,000 bytes, as the issue's goals count them.
const kb = (b) => (Number.isFinite(b) ? `${(b / 1000).toFixed(1)} KB` : 'none');
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : 'n/a');

// PARTIAL=<commit of the full run>: only the throttled first load and
// Lighthouse were run again (`node bench/first-load.mjs`, `node bench/lighthouse.mjs`);
// the other tables stay as that full run wrote them.
const partial = process.env.PARTIAL;
// SIZES_ONLY=1: only the build changed since the last run: the sizes table
// and the goals computed again (the timings stay those of bench/results).
const sizesOnly = process.env.SIZES_ONLY === '1';
const where = `on commit \`${commit}\`${dirty ? ' (with uncommitted changes)' : ''}, on this project's machine (${first.machine})`;
if (sizesOnly) {
  // The runs' line stays; the sizes say their own build below.
} else if (partial) {
  intoReadme('bench-run', `The native and browser benchmarks and the formats table come from one run of \`bash bench/run.sh\` on commit \`${partial}\`; the throttled first load, Lighthouse, the sizes and the goals from a later run of \`bench/first-load.mjs\` and \`bench/lighthouse.mjs\` ${where}.`);
} else {
  intoReadme('bench-run', `All figures below come from one run of \`bash bench/run.sh\` ${where}.`);
  intoReadme('core', text('bench/results/core.md'));
  intoReadme('browser', text('bench/results/browser.md'));
  intoReadme('formats', text('bench/results/formats.md'));
}
if (!sizesOnly) {
  intoReadme('first-load', text('bench/results/first-load.md'));
  intoReadme('lighthouse', text('bench/results/lighthouse.md'));
}

// Sizes: the first load and each lazily loaded part, against the budget.
let sizes = sizesOnly ? `Sizes of commit \`${commit}\`${dirty ? ' (with uncommitted changes)' : ''}'s release build:\n\n` : '';
sizes += '| what | brotli | budget |\n|---|---:|---:|\n';
sizes += `| **first load** (${size.firstLoad.map((f) => `\`${f.file}\``).join(', ')}) | **${kb(size.total.brotli)}** | ${kb(budget.firstLoad)} |\n`;
for (const p of size.parts) sizes += `| part \`${p.name}\` (loaded when first used) | ${kb(p.brotli)} | ${kb(budget.parts[p.name])} |\n`;
intoReadme('sizes', sizes);

const [k1, k10] = [at(1000), at(10000)];
const row = (goal, measured, met) => `| ${goal} | ${measured} | ${met ? 'yes' : 'no'} |`;
const lhMet = lighthouse.every((r) => r.performance >= 95 && r.accessibility === 100 && r.bestPractices === 100 && r.tbtMs <= 200);
const goals = [
  '| goal (throttled phone profile unless named) | measured | met? |',
  '|---|---|---|',
  row('first-load code ≤ 120 KB brotli', `${kb(size.total.brotli)}`, size.total.brotli <= 120 * 1000),
  row('ready (a star of the live app reacts) ≤ 2× the static page\'s first title at 1,000; 10,000 reported',
    `${ratio(k1?.readyMs, k1?.staticMs)}× at 1,000 (${ms(k1?.readyMs)} vs ${ms(k1?.staticMs)}); ${ratio(k10?.readyMs, k10?.staticMs)}× at 10,000`,
    k1?.readyMs / k1?.staticMs <= 2),
  row('first title ≤ 1.5× static at 1,000, ≤ 2× at 10,000 (deployed)',
    `${ratio(k1?.appMs, k1?.staticMs)}× and ${ratio(k10?.appMs, k10?.staticMs)}×`,
    k1?.appMs / k1?.staticMs <= 1.5 && k10?.appMs / k10?.staticMs <= 2),
  row('first title via `?schedule=` ≤ 2× static at 1,000', `${ratio(k1?.viaQueryMs, k1?.staticMs)}× (${ms(k1?.viaQueryMs)})`, k1?.viaQueryMs / k1?.staticMs <= 2),
  row('search: input → final list painted ≤ 33 ms at 1,000, ≤ 50 ms at 10,000', `${ms(k1?.searchMs)} and ${ms(k10?.searchMs)}`, k1?.searchMs <= 33 && k10?.searchMs <= 50),
  row('memory ≤ 64 MB at 10,000', `${k10?.memoryMB?.toFixed(1)} MB`, k10?.memoryMB <= 64),
  row('Lighthouse mobile ≥ 95 / 100 / 100, TBT ≤ 200 ms, CLS ≤ 0.02',
    lighthouse.map((r) => `${r.name}: ${r.performance} / ${r.accessibility} / ${r.bestPractices}, TBT ${Math.round(r.tbtMs)} ms, CLS ${r.cls.toFixed(3)}`).join('; '),
    lhMet && lighthouse.every((r) => r.cls <= 0.02)),
  row('a size budget that only goes down, checked by the test command', `\`bench/budget.json\`: first load ${kb(budget.firstLoad)} and ${Object.keys(budget.parts).length} parts; \`scripts/size-report.mjs\` fails the build on any part over`, size.total.brotli <= budget.firstLoad && size.parts.every((p) => p.brotli <= budget.parts[p.name])),
].join('\n');
intoReadme('goals', goals);
console.log(`README: figures of commit ${commit}${dirty ? ' (dirty)' : ''}`);
