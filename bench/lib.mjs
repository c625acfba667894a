// Helpers the benchmark scripts share.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

/** Brotli at quality 11, as the build's `.br` copies and the size goals use. */
export const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

/** Put a table into the README between `<!-- marker -->` and `<!-- /marker -->`. */
export function intoReadme(marker, table) {
  const readme = readFileSync('README.md', 'utf8');
  const re = new RegExp(`<!-- ${marker} -->[\\s\\S]*?<!-- /${marker} -->`);
  if (re.test(readme)) writeFileSync('README.md', readme.replace(re, `<!-- ${marker} -->\n${table.trim()}\n<!-- /${marker} -->`));
}
