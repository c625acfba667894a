// Helpers the benchmark scripts share.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** Brotli at quality 11, as the build's `.br` copies and the size goals use. */
export const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

/** Put a table into the README between `<!-- marker -->` and `<!-- /marker -->`. */
export function intoReadme(marker, table) {
  const readme = readFileSync('README.md', 'utf8');
  const re = new RegExp(`<!-- ${marker} -->[\\s\\S]*?<!-- /${marker} -->`);
  if (re.test(readme)) writeFileSync('README.md', readme.replace(re, `<!-- ${marker} -->\n${table.trim()}\n<!-- /${marker} -->`));
}

/** The phone profile of the first-load benchmarks: 4× CPU slowdown, 150 ms RTT, 1.6 Mbit/s down. */
export async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  return cdp;
}

/**
 * A copy of dist/ with `text` deployed as its schedule.json, as an organiser's
 * build does: the start view rendered again from it (src/bin/prerender.rs
 * replaces the demo's) and the `.br` copies of what changed written anew.
 * Copied from `DIST` (default `dist`). Returns the directory.
 */
export function deploy(text, name = 'deploy') {
  const dir = mkdtempSync(join(tmpdir(), `sv-${name}-`));
  cpSync(process.env.DIST ?? 'dist', dir, { recursive: true });
  writeFileSync(join(dir, 'schedule.json'), text);
  // The build's steps from the pages on: every page, the service worker,
  // the .br/.gz copies (scripts/post-build.mjs).
  execFileSync('node', ['scripts/post-build.mjs', '--pages', dir], { stdio: 'inherit' });
  return dir;
}
