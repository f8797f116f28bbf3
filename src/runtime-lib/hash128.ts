// A 128-bit non-cryptographic hash (MurmurHash3, x86 128-bit variant) for the cache directory's
// keys and checksums. Loading Node's crypto module costs ~10 ms of start-up (it pulls in the
// stream machinery), more than a hello world's whole run; this hashes a megabyte in ~1 ms.
// Keys and checksums guard against accidents (a changed file, a torn write), not against
// someone who can write the cache directory: that one can run code as this user anyway.
// Words are read in the machine's byte order: values are compared only on the machine that
// made them.

import { wasmLanes } from "./checksum-lanes.js";

/** inputs from this size have checksum128's loop run in WebAssembly */
const WASM_FROM = 4096;

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

/** The hash of `data` as 32 hex digits. */
export function hash128(data: Uint8Array): string {
  const len = data.length;
  const blocks = len >>> 4;
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

/** A checksum of `data` as 32 hex digits, for spotting damage in cache files (a torn write, a
 *  bad disk) rather than for keys: four lanes of multiply-xor over 32-bit words, which detects
 *  any change confined to one word for certain, at about half hash128's cost in V8's
 *  interpreter, where the first call on a large file mostly runs. */
export function checksum128(data: Uint8Array): string {
  const len = data.length;
  const blocks = len >>> 4;
  let a = 0x6a09e667;
  let b = 0xbb67ae85 | 0;
  let c = 0x3c6ef372;
  let d = 0xa54ff53a | 0;
  // (large inputs, the cache files read at start-up, by the same loop in WebAssembly)
  const lanes = len >= WASM_FROM ? wasmLanes(data, [a, b, c, d]) : null;
  if (lanes !== null) {
    [a, b, c, d] = lanes;
  } else {
    const w = blockWords(data);
    const end = blocks * 4;
    for (let i = 0; i < end; i += 4) {
      a = Math.imul(a ^ w[i], 0x01000193);
      b = Math.imul(b ^ w[i + 1], 0x5bd1e995);
      c = Math.imul(c ^ w[i + 2], C1);
      d = Math.imul(d ^ w[i + 3], C3);
    }
  }
  // the last 0-15 bytes, the length, and a final mix of the lanes into each other
  let t = len;
  for (let i = blocks * 16; i < len; i++) t = Math.imul(t ^ data[i], 0x01000193);
  a = fmix(a ^ t);
  b = fmix(b ^ a);
  c = fmix(c ^ b);
  d = fmix(d ^ c);
  return hex(a) + hex(b) + hex(c) + hex(d);
}
