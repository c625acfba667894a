// The lowest memory address a wasm module's layout names: the initial value
// of its mutable i32 globals (the stack pointer) and the offset of each
// active data segment, where each is an `i32.const`. scripts/split.mjs tells
// wasm-opt the first 1 KB of memory is never used (`--low-memory-unused`)
// only when this is at least 1024 (Rust puts its stack first, below 1 MiB).

function leb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, at, byte, shift];
  }
}

/** An `i32.const n; end` expression at `at`: [n or null, where it ends]. */
function constExpr(buf, at) {
  let n = null;
  if (buf[at] === 0x41) {
    const [raw, next, last, shift] = leb(buf, at + 1);
    // Signed: a set sign bit in the last byte makes it negative.
    n = shift < 32 && last & 0x40 ? raw - 2 ** shift : raw;
    at = next;
  }
  while (buf[at] !== 0x0b) at++;
  return [n, at + 1];
}

/** The lowest address the module's globals and data segments name (Infinity if none). */
export function lowestAddress(buf) {
  let lowest = Infinity;
  let at = 8;
  while (at < buf.length) {
    const id = buf[at];
    const [size, body] = leb(buf, at + 1);
    const end = body + size;
    if (id === 6) {
      let [count, p] = leb(buf, body);
      for (; count > 0; count--) {
        const type = buf[p];
        const mutable = buf[p + 1] === 1;
        const [n, next] = constExpr(buf, p + 2);
        if (type === 0x7f && mutable && n !== null) lowest = Math.min(lowest, n);
        p = next;
      }
    } else if (id === 11) {
      let [count, p] = leb(buf, body);
      for (; count > 0; count--) {
        const [flags, q] = leb(buf, p);
        p = q;
        if (flags === 2) p = leb(buf, p)[1];
        if (flags === 0 || flags === 2) {
          const [n, next] = constExpr(buf, p);
          if (n !== null) lowest = Math.min(lowest, n);
          p = next;
        }
        const [len, data] = leb(buf, p);
        p = data + len;
      }
    }
    at = end;
  }
  return lowest;
}
