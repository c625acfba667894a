// Trunk post_build hook (runs with TRUNK_STAGING_DIR = the finished build):
// 1. writes the service worker, with the precache list of this build's files
//    (Trunk hashes names, so the list is never written by hand) and a cache
//    version derived from their contents;
// 2. writes pre-compressed .br and .gz copies of each file, the pages too;
// 0. first of all, splits the wasm into the start view's module and the lazily
//    loaded parts (scripts/split.mjs), minifies the guard script (release),
//    then writes every page of the schedule, each with its CSP
//    (src/bin/prerender.rs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { minify } from 'terser';
import { split } from './split.mjs';

// `node scripts/post-build.mjs --pages <dir>`: the steps from the pages on, on
// a folder built before (a schedule or a base deployed into a copy of dist/;
// SCHEDULE_FILE, SCHEDULE_BASE… as for the build).
const pagesOnly = process.argv[2] === '--pages';
const dir = pagesOnly ? process.argv[3] : process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk), nor --pages <dir> given');
  process.exit(1);
}

// --- Code splitting --------------------------------------------------------
// First: it replaces Trunk's js and wasm, which everything below names.
if (!pagesOnly) await split(dir);

// --- The guard script, minified (release): every page holds it ----------------
if (!pagesOnly && process.env.TRUNK_PROFILE !== 'debug') {
  const guard = join(dir, 'prerender-guard.js');
  const out = await minify(readFileSync(guard, 'utf8'), { compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error('post-build: terser returned nothing for prerender-guard.js');
  writeFileSync(guard, out.code);
}

// --- Every page of the schedule ----------------------------------------------
// Before the service worker's version: it writes index.html and the pages,
// each with the Content-Security-Policy (the hash of Trunk's inline module
// script, which changes with every build and with the base).
execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', dir], { stdio: 'inherit' });
// The guard script is now in every page (data-inline): not served on its
// own, unless a page written before this step's change still links it.
if (!readFileSync(join(dir, 'index.html'), 'utf8').includes('prerender-guard.js')) {
  rmSync(join(dir, 'prerender-guard.js'), { force: true });
}
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const base = html.match(/<meta name="app-base" content="([^"]*)"/)?.[1];
if (!base) {
  console.error('post-build: index.html names no app-base');
  process.exit(1);
}

// --- Service worker --------------------------------------------------------
// The shell: the files at the top of the folder (the pages in folders
// below are fetched when visited, network first: a schedule of thousands of
// sessions is not downloaded whole).
// The venue's map images too (a few, small): at the venue the network is
// poor, and the map is what a room's page is opened for.
const venueImages = existsSync(join(dir, 'venue')) ? readdirSync(join(dir, 'venue')).map((f) => `venue/${f}`) : [];
const precache = readdirSync(dir)
  .filter((f) => /\.(html|js|wasm|css|json|svg|png|webmanifest)$/.test(f))
  .filter((f) => !['sw.js', 'size.json', 'parts.json', '404.html'].includes(f))
  .concat(venueImages)
  .sort();
// The languages' catalogues are not precached (only the visitor's is
// fetched, then kept with the shell), but a change to one is a new version:
// the worker then drops the copy it keeps (public/sw.js, `language`).
const catalogues = existsSync(join(dir, 'lang')) ? readdirSync(join(dir, 'lang')).filter((f) => f.endsWith('.json')).map((f) => `lang/${f}`) : [];
const version = createHash('sha256');
for (const f of [...precache, ...catalogues.sort()]) version.update(f).update(readFileSync(join(dir, f)));
const template = readFileSync(join(dir, 'sw.js'), 'utf8');
const sw = template
  .replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version.digest('hex').slice(0, 16))};`)
  .replace(/^const PRECACHE = .*;$/m, `const PRECACHE = ${JSON.stringify(precache.map((f) => `${base}${f}`))};`);
if (!/^const VERSION = "[0-9a-f]{16}";$/m.test(sw) || !/^const PRECACHE = \["/m.test(sw)) {
  console.error('post-build: sw.js has no placeholders to fill');
  process.exit(1);
}
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: the service worker precaches ${precache.length} files under ${base}`);

// --- Pre-compressed copies ---------------------------------------------------
// `.br` (quality 11) and `.gz` beside each text and wasm file, for static hosts
// that serve them (nginx `brotli_static`/`gzip_static`, Netlify, …).
// One compression at a time per core (zlib's async calls run on libuv's
// threads): a 10,000-session build has 16,681 pages.
const toCompress = readdirSync(dir, { recursive: true, withFileTypes: true })
  // (a page's folder may be named like a file: a session id "x.json")
  .filter((entry) => entry.isFile() && /\.(html|js|wasm|css|json|svg|webmanifest|xml)$/.test(entry.name))
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
let compressed = 0;
async function compressNext() {
  while (compressed < toCompress.length) {
    const f = toCompress[compressed++];
    const body = await readFile(f);
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
    await writeFile(`${f}.br`, await brotliAsync(body, { params }));
    await writeFile(`${f}.gz`, await gzipAsync(body, { level: 9 }));
  }
}
await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, compressNext));
console.log(`post-build: wrote .br and .gz beside ${compressed} files`);
