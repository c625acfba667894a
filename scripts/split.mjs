// Code splitting for the Trunk build (Trunk does not split: trunk-rs/trunk#1022).
//
// Trunk builds the wasm with cargo (relocations kept: .cargo/config.toml) and
// links its js and wasm into index.html. This step, run first by the
// post_build hook, replaces that pair with a split build, as cargo-leptos does:
//   1. wasm-split-cli cuts every `#[wasm_split]` part (the views' `…_PART`
//      split points, each beside its component in src/views/; the readers of other formats, browser/loader.rs; the
//      last-seen comparison and the conferences note, state/load.rs; the
//      check for a newer schedule and taking one in place, state/live.rs;
//      reading and keeping a picked or dropped file, views/open_schedule.rs)
//      out of cargo's wasm: a main
//      module, one module per part, shared chunks, and the small loader
//      `__wasm_split.js`;
//   2. wasm-bindgen (--keep-lld-exports, which the parts link against) writes
//      the main module's js;
//   3. wasm-opt -Oz on every module, its functions ordered by their path
//      (scripts/wasm-names.mjs), and terser on the two js files (release);
//   4. every file gets a name from its content hash; index.html's references
//      and their integrity (SRI) hashes are rewritten.
// The result: `app-<hash>.js`, `app-<hash>_bg.wasm`, `split-<hash>.js` and the
// parts as `<part>-<hash>.wasm`, and `parts.json` naming each part's files
// (read by the size report and its budget).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';
import { withoutHashes } from './wasm-names.mjs';
import { lowestAddress } from './wasm-memory.mjs';

const CRATE = 'schedule-viewer';

// A file's name carries 40 bits of its content's SHA-256: enough to tell
// apart the contents one stem ever has (a clash needs about a million
// versions of one part), and the loader that lists some 115 files is 0.35 KB
// (brotli) smaller than with 64 bits: hex digits do not compress.
const hash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 10);
};
/** CSS without its comments and the blank lines they leave (no string or
 * url() in our stylesheets holds a comment's opening). */
export const withoutCssComments = (css) =>
  css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n+/g, '\n').trimStart();
const sri = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

/** Minified js (an ES module: its export names are kept). */
async function minified(code) {
  const out = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error('split: terser returned nothing');
  return out.code;
}

export async function split(dir) {
  const release = process.env.TRUNK_PROFILE !== 'debug';
  const target = process.env.CARGO_TARGET_DIR || 'target';
  const input = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${CRATE}.wasm`);
  if (!existsSync(input)) throw new Error(`split: no cargo output at ${input}`);
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const trunkJs = html.match(new RegExp(`/(${CRATE}-[0-9a-f]+)\\.js`));
  if (!trunkJs) throw new Error(`split: index.html links no ${CRATE}-<hash>.js`);
  const trunkStem = trunkJs[1];

  const tmp = mkdtempSync(join(tmpdir(), 'split-'));
  try {
    run('wasm-split-cli', [input, tmp]);
    run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-typescript',
      '--out-dir', join(tmp, 'bg'), '--out-name', 'app', join(tmp, 'main.wasm'),
    ]);
    const parts = readdirSync(tmp).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm');
    const modules = [join(tmp, 'bg', 'app_bg.wasm'), ...parts.map((f) => join(tmp, f))];
    if (release) {
      const lowest = lowestAddress(readFileSync(modules[0]));
      if (lowest < 1024) throw new Error(`split: the main module addresses memory at ${lowest}: --low-memory-unused would break it`);
      for (const m of modules) {
        // Functions ordered by their path (scripts/wasm-names.mjs): brotli
        // packs the main module 2.6 KB smaller, and the order no longer
        // moves with every hash.
        writeFileSync(m, withoutHashes(readFileSync(m)));
        // KEEP_NAMES=1: the name section stays (`-g`), so that a CPU profile
        // names the app's functions (bench/profile.mjs); the bytes are not the deployed ones.
        const names = process.env.KEEP_NAMES === '1' ? ['-g'] : [];
        // --low-memory-unused: Rust's wasm puts its stack first, below 1 MiB,
        // growing down, and its data above it (the stack pointer starts at
        // 1048576; checked above), so the first 1 KB of memory is never
        // addressed; told so, wasm-opt folds constant offsets into loads and
        // stores. And -Oz twice: the second round finds what the first
        // opened up. Together the main module is 0.9 KB brotli smaller
        // (README's lever table).
        run('wasm-opt', ['--reorder-functions-by-name', '--low-memory-unused', '-Oz', '-Oz', ...names, '--enable-bulk-memory', '--enable-nontrapping-float-to-int', m, '-o', m]);
      }
    }

    // The parts, named by content; the loader fetches them relative to itself.
    let loader = readFileSync(join(tmp, '__wasm_split.js'), 'utf8');
    const partFiles = {};
    for (const f of parts) {
      const body = readFileSync(join(tmp, f));
      const stem = f.replace(/\.wasm$/, '');
      const name = `${stem}-${hash(body)}.wasm`;
      if (!loader.includes(`"./${f}"`)) throw new Error(`split: the loader does not name ${f}`);
      loader = loader.replaceAll(`"./${f}"`, `"./${name}"`);
      writeFileSync(join(dir, name), body);
      partFiles[stem] = name;
    }

    // Main js and loader import each other: one id from everything they load.
    let appJs = readFileSync(join(tmp, 'bg', 'app.js'), 'utf8');
    const appWasm = readFileSync(join(tmp, 'bg', 'app_bg.wasm'));
    const id = hash(appJs, appWasm, loader);
    const names = { js: `app-${id}.js`, wasm: `app-${id}_bg.wasm`, loader: `split-${id}.js` };
    if (!loader.includes('"./main.js"')) throw new Error('split: the loader does not import ./main.js');
    loader = loader.replaceAll('"./main.js"', `"./${names.js}"`);
    const linkImports = [...appJs.matchAll(/from ['"]\.\/__wasm_split\.js['"]/g)].length;
    if (linkImports === 0) throw new Error('split: the main js does not import ./__wasm_split.js (no split points?)');
    // Only the module specifiers: the imports object keeps the name the wasm imports.
    appJs = appJs.replaceAll(/from (['"])\.\/__wasm_split\.js\1/g, `from './${names.loader}'`);
    appJs = appJs.replaceAll('app_bg.wasm', names.wasm);
    if (release) {
      appJs = await minified(appJs);
      loader = await minified(loader);
    }
    writeFileSync(join(dir, names.js), appJs);
    writeFileSync(join(dir, names.wasm), appWasm);
    writeFileSync(join(dir, names.loader), loader);

    // The stylesheets without their comments (release): they are notes for
    // whoever edits style.css, and a fifth of its bytes after brotli. Before
    // the SRI below, which is taken from what is served.
    if (release) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
        const path = join(dir, f);
        writeFileSync(path, withoutCssComments(readFileSync(path, 'utf8')));
      }
    }

    // Trunk's pair goes; index.html names the new files, with their SRI.
    for (const f of [`${trunkStem}.js`, `${trunkStem}_bg.wasm`]) rmSync(join(dir, f), { force: true });
    html = html.replaceAll(`${trunkStem}_bg.wasm`, names.wasm).replaceAll(`${trunkStem}.js`, names.js);
    html = html.replace(/<link([^>]*?)href="\/([^"]+)"([^>]*?)integrity="[^"]*"/g, (all, a, file, b) => {
      const path = join(dir, file);
      return existsSync(path) ? `<link${a}href="/${file}"${b}integrity="${sri(readFileSync(path))}"` : all;
    });
    // The loader is imported by the main js: fetch it alongside, not after.
    html = html.replace(
      '</head>',
      `  <link rel="modulepreload" href="/${names.loader}" crossorigin="anonymous" integrity="${sri(loader)}" />\n  </head>`,
    );
    writeFileSync(indexPath, html);
    writeFileSync(join(dir, 'parts.json'), JSON.stringify({ main: [names.js, names.wasm, names.loader], parts: partFiles }, null, 2));
    console.log(`split: main ${names.wasm} (${appWasm.length} B) + ${parts.length} parts: ${Object.keys(partFiles).join(', ')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
