// Prints the first-load code size of a built dist/: html + js + wasm + css,
// raw and brotli (quality 11), and writes it to dist/size.json.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const rows = readdirSync(dir)
  .filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== 'sw.js')
  .map((f) => {
    const raw = readFileSync(`${dir}/${f}`);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    return { file: f, raw: raw.length, brotli: br.length };
  });
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });
for (const r of rows) console.log(`${r.file.padEnd(48)} ${String(r.raw).padStart(9)} B  ${String(r.brotli).padStart(8)} B brotli`);
console.log(`${'total (first-load code)'.padEnd(48)} ${String(total.raw).padStart(9)} B  ${String(total.brotli).padStart(8)} B brotli`);
writeFileSync(`${dir}/size.json`, JSON.stringify({ files: rows, total }, null, 1));
