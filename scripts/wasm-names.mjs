// The function names of a wasm module, for wasm-opt's
// `--reorder-functions-by-name`: functions of one module path sit together,
// so brotli finds their likenesses (README's lever table has the bytes).
//
// Rust names each function with a hash of its crate and signature
// (`schedule_viewer::main::ha45b8825279bd352`); the hash is dropped, so the
// order follows the paths alone and a change elsewhere in the code does not
// reshuffle it. The names go with wasm-opt's output (it keeps none without
// `-g`): only the order stays.
//
//   withoutHashes(bytes) -> bytes: the same module, its function names
//   without the `::h<16 hex digits>` suffix.

/** Read an unsigned LEB128 at `at.p`, moving it on. */
function uleb(bytes, at) {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at.p >= bytes.length) throw new Error('wasm-names: a number runs past the end of the module');
    const byte = bytes[at.p++];
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return value;
    scale *= 128;
  }
}

function encode(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const RUST_HASH = /::h[0-9a-f]{16}$/;

/** The function names subsection (id 1) with every Rust hash dropped. */
function functionNames(body) {
  const at = { p: 0 };
  const count = uleb(body, at);
  const out = [encode(count)];
  for (let i = 0; i < count; i++) {
    const index = uleb(body, at);
    const length = uleb(body, at);
    if (at.p + length > body.length) throw new Error('wasm-names: a function name runs past its subsection');
    const name = Buffer.from(body.subarray(at.p, at.p + length).toString('utf8').replace(RUST_HASH, ''));
    at.p += length;
    out.push(encode(index), encode(name.length), name);
  }
  if (at.p !== body.length) throw new Error('wasm-names: the function names subsection has bytes after its names');
  return Buffer.concat(out);
}

/** The module `bytes` with its function names' hashes dropped (unchanged if it has no names). */
export function withoutHashes(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm-names: not a wasm module');
  const out = [bytes.subarray(0, 8)];
  const at = { p: 8 };
  while (at.p < bytes.length) {
    const start = at.p;
    const id = bytes[at.p++];
    const size = uleb(bytes, at);
    const body = at.p;
    const end = body + size;
    if (end > bytes.length) throw new Error('wasm-names: a section runs past the end of the module');
    at.p = end;
    if (id !== 0) {
      out.push(bytes.subarray(start, end));
      continue;
    }
    const inner = { p: body };
    const nameLength = uleb(bytes, inner);
    if (inner.p + nameLength > end) throw new Error('wasm-names: a custom section name runs past its section');
    const sectionName = bytes.subarray(inner.p, inner.p + nameLength).toString('utf8');
    inner.p += nameLength;
    if (sectionName !== 'name') {
      out.push(bytes.subarray(start, end));
      continue;
    }
    const subsections = [];
    while (inner.p < end) {
      const subId = bytes[inner.p++];
      const subSize = uleb(bytes, inner);
      if (inner.p + subSize > end) throw new Error('wasm-names: a name subsection runs past its section');
      let sub = bytes.subarray(inner.p, inner.p + subSize);
      inner.p += subSize;
      if (subId === 1) sub = functionNames(sub);
      subsections.push(Buffer.from([subId]), encode(sub.length), sub);
    }
    const content = Buffer.concat([encode(4), Buffer.from('name'), ...subsections]);
    out.push(Buffer.from([0]), encode(content.length), content);
  }
  return Buffer.concat(out);
}
