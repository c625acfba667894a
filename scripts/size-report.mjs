// The size of a built dist/ against the committed budget (bench/budget.json).
//
// First load: what the start view loads — index.html, every js, wasm and css
// file it links (Trunk's files, the prerender css and guard) and the split
// loader the main js imports. Parts: each lazily loaded module
// (dist/parts.json, written by scripts/split.mjs), loaded when first used.
// Sizes are brotli, quality 11. Prints each against its budget, writes
// dist/size.json, and exits 1 when any is over, naming it and the bytes over.
//   node scripts/size-report.mjs [dist] [--budget bench/budget.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budgetPath = budgetAt >= 0 ? args[budgetAt + 1] : 'bench/budget.json';
const dir = args.find((a, i) => !a.startsWith('--') && !(budgetAt >= 0 && i === budgetAt + 1)) ?? 'dist';

const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const measure = (f) => {
  const raw = readFileSync(join(dir, f));
  return { file: f, raw: raw.length, brotli: br(raw) };
};

// What a browser with JavaScript loads: not what sits in <noscript> (the
// stylesheet of pages read without it); paths under the build's base.
const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
const base = html.match(/<meta name="app-base" content="([^"]*)"/)?.[1] ?? '/';
const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const linked = [...html.matchAll(new RegExp(`(?:href|src)="${escaped}([^"?#]+\\.(?:js|wasm|css))"`, 'g'))].map((m) => m[1]);
const split = JSON.parse(readFileSync(join(dir, 'parts.json'), 'utf8'));
const firstLoadFiles = [...new Set(['index.html', ...linked, ...split.main])].filter((f) => existsSync(join(dir, f)));
const firstLoad = firstLoadFiles.map(measure);
const total = firstLoad.reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });
// Each split point's own module by its name (`split_<name>`); the chunks they
// share (numbered by the splitter, so not stable names) as one row.
const measured = Object.entries(split.parts).map(([name, file]) => ({ name, ...measure(file) }));
const shared = measured.filter((p) => /^chunk_\d+$/.test(p.name));
const parts = measured.filter((p) => !shared.includes(p)).sort((a, b) => a.name.localeCompare(b.name));
if (shared.length) {
  parts.push(shared.reduce((t, p) => ({ ...t, raw: t.raw + p.raw, brotli: t.brotli + p.brotli }),
    { name: 'shared chunks', file: `${shared.length} files`, raw: 0, brotli: 0 }));
}

const budget = JSON.parse(readFileSync(budgetPath, 'utf8'));
const over = [];
const row = (label, r, limit) => {
  const mark = limit === undefined ? 'no budget' : r.brotli > limit ? `OVER by ${r.brotli - limit} B` : `budget ${limit} B`;
  if (limit === undefined || r.brotli > limit) over.push(`${label}: ${r.brotli} B brotli, ${mark}`);
  console.log(`${label.padEnd(44)} ${String(r.raw).padStart(9)} B  ${String(r.brotli).padStart(8)} B brotli  (${mark})`);
};
console.log('first load (what the start view loads):');
for (const r of firstLoad) console.log(`  ${r.file.padEnd(42)} ${String(r.raw).padStart(9)} B  ${String(r.brotli).padStart(8)} B brotli`);
row('total first-load code', total, budget.firstLoad);
console.log('lazily loaded parts (each when first used):');
for (const p of parts) row(`  ${p.name}`, p, budget.parts?.[p.name]);
const partsTotal = parts.reduce((t, p) => t + p.brotli, 0);
console.log(`${'all parts together'.padEnd(44)} ${' '.repeat(11)}  ${String(partsTotal).padStart(8)} B brotli`);
writeFileSync(join(dir, 'size.json'), JSON.stringify({ firstLoad, total, parts }, null, 1));

// A budgeted part the build no longer has (renamed, merged): its figure must go.
for (const name of Object.keys(budget.parts ?? {})) {
  if (!parts.some((p) => p.name === name)) over.push(`${name}: in the budget, but no longer a part of the build (remove it from ${budgetPath})`);
}
// The budget only goes down: say when a build leaves room to lower it.
const slack = budget.firstLoad - total.brotli;
if (slack > 1024) console.log(`note: first load is ${slack} B under budget: lower bench/budget.json's firstLoad to ${total.brotli}`);
for (const p of parts) {
  const limit = budget.parts?.[p.name];
  if (limit !== undefined && limit - p.brotli > Math.max(512, limit * 0.05)) console.log(`note: ${p.name} is ${limit - p.brotli} B under budget: lower it to ${p.brotli}`);
}
if (over.length) {
  console.error(`size budget (${budgetPath}) exceeded:\n  ${over.join('\n  ')}`);
  process.exit(1);
}
