// scripts/wasm-memory.mjs reads the lowest address a module's layout names,
// from modules written here byte by byte (the build checks its own main
// module with it before wasm-opt, scripts/split.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowestAddress } from '../../scripts/wasm-memory.mjs';

const sleb = (n) => {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const section = (id, body) => [id, body.length, ...body];
const module = (stack, data) =>
  Uint8Array.from([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(5, [1, 0, 1]),
    // a mutable i32 (the stack pointer) and an immutable one (not a place)
    ...section(6, [2, 0x7f, 1, 0x41, ...sleb(stack), 0x0b, 0x7f, 0, 0x41, ...sleb(4), 0x0b]),
    ...section(11, [1, 0, 0x41, ...sleb(data), 0x0b, 2, 7, 7]),
  ]);

test('the stack pointer and the data segments give the lowest address', () => {
  assert.equal(lowestAddress(module(1048576, 1048580)), 1048576);
  assert.equal(lowestAddress(module(1048576, 16)), 16);
  assert.equal(lowestAddress(module(512, 1048576)), 512);
  assert.equal(lowestAddress(Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])), Infinity);
});
