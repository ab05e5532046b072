// Short names for the wasm's imports and exports, and the same names in its JS glue.
//
// wasm-bindgen names every imported JS function `__wbg_<name>_<16 hex digits>` and every
// closure trampoline `wasm_bindgen__convert__closures_____invoke__h<16 hex digits>`. Each
// such name is written twice (in the wasm and in the glue), and the random hex digits do
// not compress: ~140 of them cost ~2 KB brotli of every first load. They are only a
// contract between the two files, so build-loader.mjs renames them in both (`_0`, `_1`, …)
// before it hashes and bundles them. Names the glue uses that do not look like this
// (`memory`, `__wbindgen_malloc`, `__wbindgen_start`, …) are kept.
//
// The wasm binary format: a module is a magic number and version, then sections, each an
// id byte, a LEB128 size and its payload. Only the import section (id 2) and the export
// section (id 7) are rewritten; every other byte is copied unchanged.

const HASHED = /^(?:__wbg_\w+_[0-9a-f]{16}|wasm_bindgen__convert__closures_____invoke__h[0-9a-f]{16}(?:_\d+)?)$/;

class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  byte() {
    if (this.at >= this.bytes.length) throw new Error('short-wasm-names: unexpected end of the wasm');
    return this.bytes[this.at++];
  }
  /** An unsigned LEB128 number (up to 2^53, enough for sizes and indices). */
  uleb() {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (!(b & 0x80)) return value;
      scale *= 128;
    }
  }
  name() {
    const length = this.uleb();
    const start = this.at;
    this.at += length;
    if (this.at > this.bytes.length) throw new Error('short-wasm-names: a name runs past the end');
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(start, this.at));
  }
  /** Table or memory limits: a flag byte, the minimum and, when flagged, the maximum. */
  limits() {
    const flags = this.byte();
    this.uleb();
    if (flags & 1) this.uleb();
  }
}

function uleb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

const nameBytes = (name) => {
  const utf8 = new TextEncoder().encode(name);
  return [...uleb(utf8.length), ...utf8];
};

/** The bytes of one import's description (after its kind byte), whatever it imports. */
function skipImportDescription(reader, kind) {
  switch (kind) {
    case 0: // function: a type index
      reader.uleb();
      break;
    case 1: // table: a reference type, then limits
      reader.byte();
      reader.limits();
      break;
    case 2: // memory
      reader.limits();
      break;
    case 3: // global: a value type and mutability
      reader.byte();
      reader.byte();
      break;
    case 4: // tag: an attribute and a type index
      reader.byte();
      reader.uleb();
      break;
    default:
      throw new Error(`short-wasm-names: unknown import kind ${kind}`);
  }
}

/**
 * Renames every hashed import and export of `wasm` (a Uint8Array) and every occurrence of
 * those names in `glue` (the wasm-bindgen JS). Returns the new bytes, the new glue and the
 * mapping (old name → new name).
 */
export function shortenNames(wasm, glue) {
  const reader = new Reader(wasm, 8);
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (!magic.every((b, i) => wasm[i] === b)) throw new Error('short-wasm-names: not a wasm module');
  const renamed = new Map();
  const shortName = (name) => {
    if (!HASHED.test(name)) return name;
    if (!renamed.has(name)) renamed.set(name, `_${renamed.size.toString(36)}`);
    return renamed.get(name);
  };
  const out = [...wasm.subarray(0, 8)];
  while (reader.at < wasm.length) {
    const id = reader.byte();
    const size = reader.uleb();
    const start = reader.at;
    const end = start + size;
    if (id !== 2 && id !== 7) {
      out.push(id, ...uleb(size));
      for (let i = start; i < end; i++) out.push(wasm[i]);
      reader.at = end;
      continue;
    }
    const payload = [];
    const count = reader.uleb();
    payload.push(...uleb(count));
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const module = reader.name();
        const field = reader.name();
        const kind = reader.byte();
        const from = reader.at;
        skipImportDescription(reader, kind);
        payload.push(...nameBytes(module), ...nameBytes(shortName(field)), kind, ...wasm.subarray(from, reader.at));
      } else {
        const name = reader.name();
        const kind = reader.byte();
        const index = reader.uleb();
        payload.push(...nameBytes(shortName(name)), kind, ...uleb(index));
      }
    }
    if (reader.at !== end) throw new Error(`short-wasm-names: section ${id} has ${end - reader.at} unread bytes`);
    out.push(id, ...uleb(payload.length), ...payload);
  }

  // Imports that wasm-opt found unused are gone from the wasm but still defined in the
  // glue: they get short names too (nothing calls them).
  for (const [name] of glue.matchAll(/\b(?:__wbg_\w+_[0-9a-f]{16}|wasm_bindgen__convert__closures_____invoke__h[0-9a-f]{16}(?:_\d+)?)\b/g)) {
    shortName(name);
  }
  let newGlue = glue;
  for (const [name, short] of renamed) {
    const pattern = new RegExp(`\\b${name}\\b`, 'g');
    const uses = newGlue.match(pattern)?.length ?? 0;
    // An import the glue does not define (or an export it never reads) would mean a glue
    // of another shape than this script knows: stop rather than build a broken page.
    if (uses === 0 && name.startsWith('__wbg_')) throw new Error(`short-wasm-names: ${name} is not in the glue`);
    if (new RegExp(`(?<![\\w$])${short}(?![\\w$])`).test(newGlue)) {
      throw new Error(`short-wasm-names: ${short} is already a name in the glue`);
    }
    newGlue = newGlue.replace(pattern, short);
  }
  return { wasm: Uint8Array.from(out), glue: newGlue, renamed };
}
