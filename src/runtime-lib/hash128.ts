// A 128-bit non-cryptographic hash (MurmurHash3, x86 128-bit variant) for the cache directory's
// keys and checksums. Loading Node's crypto module costs ~10 ms of start-up (it pulls in the
// stream machinery), more than a hello world's whole run; this hashes a megabyte in ~1 ms.
// Keys and checksums guard against accidents (a changed file, a torn write), not against
// someone who can write the cache directory: that one can run code as this user anyway.
// Words are read in the machine's byte order: values are compared only on the machine that
// made them.

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, "0");

/** The whole 16-byte blocks of `data` as 32-bit words (a copy when the bytes are not
 *  4-aligned); the last 0-15 bytes are left to the caller. */
function blockWords(data: Uint8Array): Int32Array {
  const aligned = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
  return new Int32Array(aligned.buffer, aligned.byteOffset, (data.length >>> 4) * 4);
}

/** The hash of `data` as 32 hex digits. Its loop over the whole blocks runs in WebAssembly
 *  once the module is there (the checksums of a run's first cached chunk make it) or for a
 *  large input: in JavaScript, the keys of eight required libraries (their sources) ran
 *  interpreted until TurboFan compiled hash128 (11 ms on a background thread): 88.5 -> 75.6 ms
 *  of user CPU for such a run. */
export function hash128(data: Uint8Array): string {
  const len = data.length;
  const blocks = len >>> 4;
  const fromWasm = len >= (laneModule === undefined ? WASM_MIN : WASM_HASH_MIN) ? wasmBlocks(data, blocks, "murmur") : null;
  let [h1, h2, h3, h4] = fromWasm ?? jsMurmur(data, blocks);
  // the last 0-15 bytes
  const tail = blocks * 16;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  let k4 = 0;
  for (let i = len - 1; i >= tail; i--) {
    const b = data[i];
    const j = i - tail;
    if (j >= 12) k4 |= b << ((j - 12) * 8);
    else if (j >= 8) k3 |= b << ((j - 8) * 8);
    else if (j >= 4) k2 |= b << ((j - 4) * 8);
    else k1 |= b << (j * 8);
  }
  if (len - tail > 12) h4 ^= Math.imul(rotl(Math.imul(k4, C4), 18), C1);
  if (len - tail > 8) h3 ^= Math.imul(rotl(Math.imul(k3, C3), 17), C4);
  if (len - tail > 4) h2 ^= Math.imul(rotl(Math.imul(k2, C2), 16), C3);
  if (len - tail > 0) h1 ^= Math.imul(rotl(Math.imul(k1, C1), 15), C2);
  // finalisation (the length is mixed in, as 32 bits)
  h1 ^= len;
  h2 ^= len;
  h3 ^= len;
  h4 ^= len;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return hex(h1) + hex(h2) + hex(h3) + hex(h4);
}

/** The state of MurmurHash3 (seed 0) after the whole 16-byte blocks of `data`, in JavaScript. */
function jsMurmur(data: Uint8Array, blocks: number): number[] {
  const words = blockWords(data);
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  // (rotations written out: the first call runs mostly in V8's interpreter, where a call
  // per rotation would make hashing a megabyte take tens of milliseconds)
  const end = blocks * 4;
  for (let i = 0; i < end; i += 4) {
    let k = Math.imul(words[i], C1);
    h1 ^= Math.imul((k << 15) | (k >>> 17), C2);
    h1 = (Math.imul(((h1 << 19) | (h1 >>> 13)) + h2, 5) + 0x561ccd1b) | 0;
    k = Math.imul(words[i + 1], C2);
    h2 ^= Math.imul((k << 16) | (k >>> 16), C3);
    h2 = (Math.imul(((h2 << 17) | (h2 >>> 15)) + h3, 5) + 0x0bcaa747) | 0;
    k = Math.imul(words[i + 2], C3);
    h3 ^= Math.imul((k << 17) | (k >>> 15), C4);
    h3 = (Math.imul(((h3 << 15) | (h3 >>> 17)) + h4, 5) + 0x96cd1c35) | 0;
    k = Math.imul(words[i + 3], C4);
    h4 ^= Math.imul((k << 18) | (k >>> 14), C1);
    h4 = (Math.imul(((h4 << 13) | (h4 >>> 19)) + h1, 5) + 0x32ac3b17) | 0;
  }
  return [h1, h2, h3, h4];
}

/** A checksum's lanes: their start values and multipliers. */
const LANE_START = [0x6a09e667, 0xbb67ae85 | 0, 0x3c6ef372, 0xa54ff53a | 0];
const LANE_MUL = [0x01000193, 0x5bd1e995, C1, C3];

/** A checksum of `data` as 32 hex digits, for spotting damage in cache files (a torn write, a
 *  bad disk) rather than for keys: four lanes of multiply-xor over 32-bit words, which detects
 *  any change confined to one word for certain. Large inputs (the code caches of the runtime
 *  itself, read at every start) go through WebAssembly: in JavaScript the loop's first run is
 *  interpreted, then compiled by TurboFan in the middle of it, which cost a hello world ~10 ms
 *  of CPU for the runtime's ~400 KB; with WebAssembly it costs as much as no checksum. */
export function checksum128(data: Uint8Array): string {
  const len = data.length;
  const blocks = len >>> 4;
  const lanes = (len >= WASM_MIN && wasmBlocks(data, blocks, "lanes")) || jsLanes(data, blocks);
  let [a, b, c, d] = lanes;
  // the last 0-15 bytes, the length, and a final mix of the lanes into each other
  let t = len;
  for (let i = blocks * 16; i < len; i++) t = Math.imul(t ^ data[i], 0x01000193);
  a = fmix(a ^ t);
  b = fmix(b ^ a);
  c = fmix(c ^ b);
  d = fmix(d ^ c);
  return hex(a) + hex(b) + hex(c) + hex(d);
}

/** The lanes over the whole 16-byte blocks of `data`, in JavaScript. */
function jsLanes(data: Uint8Array, blocks: number): number[] {
  const w = blockWords(data);
  let [a, b, c, d] = LANE_START;
  const end = blocks * 4;
  for (let i = 0; i < end; i += 4) {
    a = Math.imul(a ^ w[i], 0x01000193);
    b = Math.imul(b ^ w[i + 1], 0x5bd1e995);
    c = Math.imul(c ^ w[i + 2], C1);
    d = Math.imul(d ^ w[i + 3], C3);
  }
  return [a, b, c, d];
}

// ---- the lanes in WebAssembly ----

/** Below this many bytes, the JavaScript loop costs less than starting WebAssembly. */
const WASM_MIN = 32768;
/** Below this many bytes, hash128's JavaScript loop costs less than copying into the module. */
const WASM_HASH_MIN = 1024;

interface LaneModule {
  memory: WebAssembly.Memory;
  /** lanes(blocks): the lanes over `blocks` 16-byte blocks at byte 16, stored at bytes 0-15 */
  lanes: (blocks: number) => void;
  /** murmur(blocks): hash128's state after `blocks` 16-byte blocks at byte 16, stored at
   *  bytes 0-15 */
  murmur: (blocks: number) => void;
}

/** Whether checksum128 of large inputs runs in WebAssembly here (for tests). */
export function checksumInWasm(): boolean {
  if (laneModule === undefined) laneModule = LITTLE_ENDIAN ? makeLaneModule() : null;
  return laneModule !== null;
}

/** The module, made on first use; null where WebAssembly is unavailable (--jitless). */
let laneModule: LaneModule | null | undefined;

/** The lanes (or hash128's state) over the whole 16-byte blocks of `data`, in WebAssembly;
 *  null when it is unavailable. Words are read little-endian there, so only on little-endian
 *  machines (on others the JavaScript loops read them in the machine's order, as before). */
function wasmBlocks(data: Uint8Array, blocks: number, fn: "lanes" | "murmur"): number[] | null {
  if (!checksumInWasm()) return null;
  const { memory } = laneModule as LaneModule;
  const need = 16 + blocks * 16;
  const have = memory.buffer.byteLength;
  if (have < need) memory.grow(Math.ceil((need - have) / 65536));
  new Uint8Array(memory.buffer).set(data.subarray(0, blocks * 16), 16);
  (laneModule as LaneModule)[fn](blocks);
  return Array.from(new Int32Array(memory.buffer, 0, 4));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function makeLaneModule(): LaneModule | null {
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(laneModuleBytes()));
    const { memory, lanes, murmur } = instance.exports as unknown as LaneModule;
    return { memory, lanes, murmur };
  } catch {
    return null;
  }
}

/** The binary of a module exporting `memory` (one page to start), `lanes` (jsLanes' loop over
 *  the blocks from byte 16) and `murmur` (jsMurmur's), written out as a listing: building it
 *  with array spreads cost a millisecond of cold JavaScript. */
function laneModuleBytes(): Uint8Array<ArrayBuffer> {
  const lanes: number[] = [];
  for (let k = 0; k < 4; k++) lanes.push(0x41, ...sleb(LANE_START[k]), 0x21, 1 + k); // lane k = its start
  const laneStep: number[] = [];
  // lane k = (lane k ^ load(address + 4k)) * its multiplier
  for (let k = 0; k < 4; k++) laneStep.push(0x20, 1 + k, 0x20, 5, 0x28, 2, 4 * k, 0x73, 0x41, ...sleb(LANE_MUL[k]), 0x6c, 0x21, 1 + k);
  const murmurStep: number[] = [];
  // h[k] = (rotl(h[k] ^ rotl(load(address + 4k) * M1, R1) * M2, R2) + h[k+1]) * 5 + ADD, as in jsMurmur
  for (let k = 0; k < 4; k++) {
    const [m1, r1, m2, r2, add] = MURMUR_LANES[k];
    murmurStep.push(0x20, 5, 0x28, 2, 4 * k, 0x41, ...sleb(m1), 0x6c, 0x41, r1, 0x77, 0x41, ...sleb(m2), 0x6c);
    murmurStep.push(0x20, 1 + k, 0x73, 0x41, r2, 0x77, 0x20, 1 + ((k + 1) % 4), 0x6a, 0x41, 5, 0x6c, 0x41, ...sleb(add), 0x6a, 0x21, 1 + k);
  }
  const bodies = [blockLoop(lanes, laneStep), blockLoop([], murmurStep)];
  const code = [bodies.length, ...bodies.flatMap((b) => [...uleb(b.length), ...b])];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // "\0asm", version 1
    1, 5, 1, 0x60, 1, 0x7f, 0, // types: 0 is (i32) -> ()
    3, 3, 2, 0, 0, // functions: 0 and 1 have type 0
    5, 3, 1, 0, 1, // memories: one, at least one page
    // exports: "memory" memory 0, "lanes" function 0, "murmur" function 1
    7, 27, 3, 6, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 2, 0, 5, 0x6c, 0x61, 0x6e, 0x65, 0x73, 0, 0,
    6, 0x6d, 0x75, 0x72, 0x6d, 0x75, 0x72, 0, 1,
    10, ...uleb(code.length), ...code,
  ]);
}

/** murmur's constants per word of a block: multiplier, rotation, multiplier, rotation, addend */
const MURMUR_LANES = [
  [C1, 15, C2, 19, 0x561ccd1b],
  [C2, 16, C3, 17, 0x0bcaa747],
  [C3, 17, C4, 15, 0x96cd1c35],
  [C4, 18, C1, 13, 0x32ac3b17],
];

/** A function body over the 16-byte blocks from byte 16 (its parameter: how many): `init`,
 *  then `step` per block, then the four lanes (locals 1-4) stored at bytes 0-15. */
function blockLoop(init: number[], step: number[]): number[] {
  // locals: 0 blocks (the parameter), 1-4 the lanes, 5 the address, 6 the end address
  return [
    1, 6, 0x7f, // six i32 locals
    ...init,
    0x41, 16, 0x21, 5, // address = 16
    0x20, 0, 0x41, 4, 0x74, 0x41, 16, 0x6a, 0x21, 6, // end = (blocks << 4) + 16
    0x02, 0x40, // block
    0x20, 5, 0x20, 6, 0x4f, 0x0d, 0, // no blocks (address >= end): out
    0x03, 0x40, // loop
    ...step,
    0x20, 5, 0x41, 16, 0x6a, 0x22, 5, // address += 16
    0x20, 6, 0x49, 0x0d, 0, // again while address < end
    0x0b, 0x0b, // end loop, end block
    ...[0, 1, 2, 3].flatMap((k) => [0x41, 0, 0x20, 1 + k, 0x36, 2, 4 * k]), // store lane k at 4k
    0x0b,
  ];
}

/** An unsigned LEB128 number, as the code section's sizes. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    const b = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? b : b | 0x80);
  } while (n !== 0);
  return out;
}

/** A signed LEB128 number, as WebAssembly's i32.const takes it. */
function sleb(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}
