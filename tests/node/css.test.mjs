// The release build serves the stylesheets without their comments
// (scripts/split.mjs). That every rule comes out the same is checked by a
// CSS parser, the browser's (tests/e2e/styles.spec.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { withoutCssComments } from '../../scripts/split.mjs';

test('drops comments and blank lines, and nothing else', () => {
  const css = '/* head\n   note */\n.a { color: red; } /* why */\n\n\n.b::after { content: "x"; }\n';
  assert.equal(withoutCssComments(css), '.a { color: red; } \n.b::after { content: "x"; }\n');
});

test('no string or url() of our stylesheets holds a comment opening, and none is left', () => {
  const sheets = readdirSync('public').filter((f) => f.endsWith('.css'));
  assert.ok(sheets.includes('style.css'), sheets.join(', '));
  for (const f of sheets) {
    const css = readFileSync(`public/${f}`, 'utf8');
    assert.doesNotMatch(css, /["'(][^"')\n]*\/\*/, `${f}: a quoted "/*" would be cut as a comment`);
    const out = withoutCssComments(css);
    assert.doesNotMatch(out, /\/\*|\*\//, f);
    assert.ok(out.length < css.length || !css.includes('/*'), f);
  }
});
