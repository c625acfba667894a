// Trunk post_build hook (runs with TRUNK_STAGING_DIR = the finished build):
// 1. writes the service worker, with the precache list of this build's files
//    (Trunk hashes names, so the list is never written by hand) and a cache
//    version derived from their contents;
// 2. puts the Content-Security-Policy in index.html, with the sha256 of the
//    inline module script Trunk injects (it changes with every build);
// 3. writes pre-compressed .br and .gz copies of each file;
// 0. first of all, splits the wasm into the start view's module and the lazily
//    loaded parts (scripts/split.mjs), minifies the guard script (release),
//    then renders the start view into index.html (src/bin/prerender.rs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { minify } from 'terser';
import { split } from './split.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

// --- Code splitting --------------------------------------------------------
// First: it replaces Trunk's js and wasm, which everything below names.
await split(dir);

// --- The guard script, minified (release): it blocks the first paint ----------
if (process.env.TRUNK_PROFILE !== 'debug') {
  const guard = join(dir, 'prerender-guard.js');
  const out = await minify(readFileSync(guard, 'utf8'), { compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error('post-build: terser returned nothing for prerender-guard.js');
  writeFileSync(guard, out.code);
}

// --- Pre-rendered start view ----------------------------------------------
// Before the CSP hash and the service worker's version: it changes index.html.
execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', dir], { stdio: 'inherit' });

// --- Content-Security-Policy ---------------------------------------------
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) {
  console.error(`post-build: expected one inline module script, found ${inline.length}`);
  process.exit(1);
}
const scriptHash = createHash('sha256').update(inline[0][1], 'utf8').digest('base64');
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${scriptHash}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  // Other conferences' schedules (?schedule=<url>) may live on CORS-enabled hosts.
  "connect-src 'self' https:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(
  '<meta charset="utf-8" />',
  `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
);
writeFileSync(indexPath, html);

// --- Service worker --------------------------------------------------------
const precache = readdirSync(dir)
  .filter((f) => /\.(html|js|wasm|css|json|svg|png|webmanifest)$/.test(f))
  .filter((f) => f !== 'sw.js' && f !== 'size.json' && f !== 'parts.json')
  .sort();
const version = createHash('sha256');
for (const f of precache) version.update(f).update(readFileSync(join(dir, f)));
const template = readFileSync(join(dir, 'sw.js'), 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace("['__PRECACHE__']", JSON.stringify(precache.map((f) => `/${f}`)));
if (sw === template) {
  console.error('post-build: sw.js has no placeholders to fill');
  process.exit(1);
}
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: CSP script hash sha256-${scriptHash}; precached ${precache.length} files`);

// --- Pre-compressed copies ---------------------------------------------------
// `.br` (quality 11) and `.gz` beside each text and wasm file, for static hosts
// that serve them (nginx `brotli_static`/`gzip_static`, Netlify, …).
let compressed = 0;
for (const f of readdirSync(dir)) {
  if (!/\.(html|js|wasm|css|json|svg|webmanifest)$/.test(f)) continue;
  const body = readFileSync(join(dir, f));
  writeFileSync(join(dir, `${f}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  writeFileSync(join(dir, `${f}.gz`), gzipSync(body, { level: 9 }));
  compressed += 1;
}
console.log(`post-build: wrote .br and .gz beside ${compressed} files`);
