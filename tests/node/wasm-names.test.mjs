// scripts/wasm-names.mjs, on modules built here byte by byte: its output is
// compared with the module built again with the names it should have, and
// V8, an independent reader of the name section, is asked which name a
// function has (it names wasm functions in stack traces by that section).
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutHashes } from '../../scripts/wasm-names.mjs';

/** An unsigned LEB128, written the plain way (not the parser's own encoder). */
function leb(n) {
  const out = [];
  for (;;) {
    const low = n % 128;
    n = Math.floor(n / 128);
    if (n === 0) {
      out.push(low);
      return out;
    }
    out.push(low | 0x80);
  }
}

const utf8 = (s) => [...Buffer.from(s, 'utf8')];
const str = (s) => [...leb(utf8(s).length), ...utf8(s)];
const section = (id, body) => [id, ...leb(body.length), ...body];
const custom = (name, body) => section(0, [...str(name), ...body]);

/**
 * A module of `count` functions of type () -> (), each `unreachable`, the
 * first exported as "main"; with a name section holding `names` (a list of
 * [index, name]) after a module name and before a locals subsection, and a
 * "producers" section before it, all of which must come through unchanged
 * (`trailing`: bytes after the function names, inside their subsection).
 */
function module({ count = 2, names, withNames = true, trailing = [] } = {}) {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, [1, 0x60, 0, 0])); // one type: () -> ()
  bytes.push(...section(3, [...leb(count), ...Array(count).fill(0)]));
  bytes.push(...section(7, [1, ...str('main'), 0x00, 0])); // export func 0 as "main"
  const body = [0, 0x00, 0x0b]; // no locals; unreachable; end
  bytes.push(...section(10, [...leb(count), ...Array(count).fill([body.length, ...body]).flat()]));
  bytes.push(...custom('producers', [1, ...str('language'), 1, ...str('Rust'), ...str('1.90')]));
  if (withNames) {
    const moduleName = [...str(MODULE)];
    const fnNames = [...leb(names.length), ...names.flatMap(([i, n]) => [...leb(i), ...str(n)]), ...trailing];
    const locals = [1, 0, 1, 0, ...str('self')]; // function 0: local 0 is "self"
    bytes.push(
      ...custom('name', [
        ...section(0, moduleName),
        ...section(1, fnNames),
        ...section(2, locals),
      ]),
    );
  }
  return Buffer.from(bytes);
}

/** The module's own name: it is not a function name, so its hash-like end is kept. */
const MODULE = 'app::h0123456789abcdef';

/** The name V8 gives function 0 ("main") in a stack trace: `<module name>.<function name>`. */
function nameInStack(bytes) {
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  try {
    exports.main();
  } catch (e) {
    const frame = e.stack.split('\n').find((l) => l.includes('wasm://'));
    return frame.trim().replace(/^at /, '').replace(/ \(wasm:\/\/.*$/, '');
  }
  throw new Error('main did not trap');
}

test('drops the ::h<16 hex> suffix of every function name and nothing else', () => {
  const hashed = module({
    names: [
      [0, 'schedule_viewer::main::ha45b8825279bd352'],
      [1, 'core::fmt::write::h0123456789abcdef'],
    ],
  });
  const expected = module({ names: [[0, 'schedule_viewer::main'], [1, 'core::fmt::write']] });
  const out = withoutHashes(hashed);
  assert.deepEqual(out, expected);
  // V8 reads both modules, and names the function by the section we wrote.
  assert.equal(nameInStack(hashed), `${MODULE}.schedule_viewer::main::ha45b8825279bd352`);
  assert.equal(nameInStack(out), `${MODULE}.schedule_viewer::main`);
});

test('names that only look like a hash are kept', () => {
  const names = [
    [0, 'a::h0123'], // too short
    [1, 'b::h0123456789ABCDEF'], // upper case: not Rust's
    [2, 'c::h0123456789abcdef::d'], // not at the end
    [3, 'd::h0123456789abcde'], // 15 digits
    [4, 'e::h0123456789abcdef0'], // 17 digits
    [5, 'plain'],
  ];
  const bytes = module({ count: 6, names });
  assert.deepEqual(withoutHashes(bytes), bytes);
  assert.equal(nameInStack(withoutHashes(bytes)), `${MODULE}.a::h0123`);
});

test('lengths written in two or more LEB128 bytes shrink correctly', () => {
  // A name of 140 bytes (its length takes 2 bytes) that becomes 121 (1 byte);
  // an index above 127; a name section over 16 KiB (3-byte section size).
  const long = 'x'.repeat(121);
  const many = Array.from({ length: 600 }, (_, i) => [i + 2, `m${i}::f::h${String(i).padStart(16, '0')}`]);
  const hashed = module({ names: [[0, `${long}::h0123456789abcdef`], [1, 'y::h0123456789abcdef'], [200, 'z::hffffffffffffffff'], ...many] });
  const expected = module({ names: [[0, long], [1, 'y'], [200, 'z'], ...many.map(([i, n]) => [i, n.replace(/::h\d{16}$/, '')])] });
  assert.ok(hashed.length > 16_384 + 100);
  assert.deepEqual(withoutHashes(hashed), expected);
});

test('a module without a name section comes back byte for byte', () => {
  const bytes = module({ withNames: false });
  assert.deepEqual(withoutHashes(bytes), bytes);
  assert.equal(withoutHashes(withoutHashes(bytes)).length, bytes.length);
});

test('what is not a well-formed module is refused with a reason', () => {
  assert.throws(() => withoutHashes(Buffer.from('not wasm at all')), /not a wasm module/);
  const good = module({ names: [[0, 'f::h0123456789abcdef']] });
  // Cut inside the name section: its declared size runs past the end.
  assert.throws(() => withoutHashes(good.subarray(0, good.length - 3)), /runs past the end of the module/);
  // A function name longer than its subsection says.
  const bad = module({ names: [[0, 'f']] });
  const at = bad.lastIndexOf(Buffer.from(str('f'))); // the length byte of the name "f"
  assert.ok(at > 0 && bad[at - 1] === 0, 'function 0 names "f"');
  const broken = Buffer.from(bad);
  broken[at] = 50;
  assert.throws(() => withoutHashes(broken), /runs past its subsection/);
  // Bytes after the last name of the subsection.
  assert.throws(() => withoutHashes(module({ names: [[0, 'f']], trailing: [0] })), /bytes after its names/);
});
