// A reusable output buffer of bytes for the string and table libraries (gsub, table.concat):
// results are written as bytes and read back as one flat string with a single copy, instead
// of a rope of small strings (or Array.join, several times slower on long lists once the
// loop here is optimized).
import { tostr } from "../core/ops.js";

/** The longest string V8 can build (String::kMaxLength on 64-bit). */
export const MAX_STRING = (1 << 29) - 24;

/** Below this many characters a part is copied by a JS loop; above, by one native write. */
const SHORT = 64;
/** V8 makes a rope (cons string) of a concatenation only from this length on: a shorter
 *  string is flat and quick to read by charCodeAt, a longer one may be a rope, which
 *  charCodeAt would first flatten into a new string, and a native write reads in place. */
const FLAT_BELOW = 13;

export class ByteOut {
  buf: Buffer = Buffer.allocUnsafe(1024);
  n = 0;

  /** Room for k more bytes; a result past JS's longest string is a RangeError, as for `+`. */
  private grow(k: number): void {
    const need = this.n + k;
    if (need > MAX_STRING) throw new RangeError("Invalid string length");
    const nb = Buffer.allocUnsafe(Math.min(Math.max(need, this.buf.length * 2), MAX_STRING));
    this.buf.copy(nb, 0, 0, this.n);
    this.buf = nb;
  }

  /** bytes a..e of a subject */
  bytes(b: Uint8Array, a: number, e: number): void {
    const k = e - a;
    if (this.n + k > this.buf.length) this.grow(k);
    const buf = this.buf;
    let n = this.n;
    if (k < SHORT) for (let i = a; i < e; i++) buf[n++] = b[i];
    else {
      buf.set(b.subarray(a, e), n);
      n += k;
    }
    this.n = n;
  }

  str(s: string): void {
    const k = s.length;
    if (this.n + k > this.buf.length) this.grow(k);
    if (k < FLAT_BELOW) {
      const buf = this.buf;
      let n = this.n;
      for (let i = 0; i < k; i++) buf[n++] = s.charCodeAt(i);
      this.n = n;
    } else this.n += this.buf.write(s, this.n, k, "latin1");
  }

  /** characters a..e of a string */
  part(s: string, a: number, e: number): void {
    const k = e - a;
    if (this.n + k > this.buf.length) this.grow(k);
    const buf = this.buf;
    let n = this.n;
    if (k < SHORT) for (let i = a; i < e; i++) buf[n++] = s.charCodeAt(i);
    else n += buf.write(a === 0 && e === s.length ? s : s.slice(a, e), n, k, "latin1");
    this.n = n;
  }

  /** Elements k..last (0-based, inclusive) of an array with sep between them: strings, and
   *  numbers as tostring writes them. Stops at the first other value and returns its
   *  index, -1 when all were written, or USE_JOIN (writing nothing) when Array.join should
   *  make this list: the result might pass JOIN_MAX bytes, or the strings are long (of
   *  13 bytes or more on average: join copies long strings, and ropes, as fast, and needs
   *  no warm-up). */
  join(arr: unknown[], sep: string, k: number, last: number): number {
    // the exact size for strings and a bound for numbers: the buffer grows at most once,
    // and the loop below needs no checks
    let strings = 0;
    let stringBytes = 0;
    for (let x = k; x <= last; x++) {
      const v = arr[x];
      if (typeof v === "string") {
        strings++;
        stringBytes += v.length;
      }
    }
    const size = stringBytes + (last - k + 1 - strings) * MAX_NUMBER_TEXT + sep.length * (last - k);
    if (size > JOIN_MAX || (strings > 0 && stringBytes >= strings * FLAT_BELOW)) return USE_JOIN;
    if (this.n + size > this.buf.length) this.grow(size);
    const buf = this.buf;
    const sl = sep.length;
    const sep0 = sl === 1 ? sep.charCodeAt(0) : 0;
    let n = this.n;
    for (let x = k; x <= last; x++) {
      if (x > k && sl !== 0) {
        if (sl === 1) buf[n++] = sep0;
        else if (sl < FLAT_BELOW) for (let i = 0; i < sl; i++) buf[n++] = sep.charCodeAt(i);
        else n += buf.write(sep, n, sl, "latin1");
      }
      const v = arr[x];
      if (typeof v === "string") {
        const l = v.length;
        if (l < FLAT_BELOW) for (let i = 0; i < l; i++) buf[n++] = v.charCodeAt(i);
        else n += buf.write(v, n, l, "latin1");
      } else if (typeof v === "number" && Number.isInteger(v) && v <= MAX_SAFE && v >= -MAX_SAFE) {
        n = writeInt(buf, n, v);
      } else {
        // floats, integers held as bigints or LFloat: their text is at most 24 bytes
        const t = tostr(v);
        if (t === undefined) {
          this.n = n;
          return x;
        }
        for (let i = 0; i < t.length; i++) buf[n++] = t.charCodeAt(i);
      }
    }
    this.n = n;
    return -1;
  }

  result(): string {
    return this.buf.toString("latin1", 0, this.n);
  }
}

/** join's answer for a list better made by Array.join */
export const USE_JOIN = -2;
/** Above this size a list is better joined by Array.join: the buffer would be as large as the
 *  result (and its bound for numbers can pass JS's longest string when the result does not) */
const JOIN_MAX = 1 << 25;
/** Room for the text of any number: "-9223372036854775808", "-1.7976931348623e+308" */
const MAX_NUMBER_TEXT = 24;
const MAX_SAFE = 9007199254740991;

/** Writes the decimal digits of an integer of at most 2^53 in magnitude at buf[n] (room
 *  for 17 bytes is the caller's); returns the end. -0 writes "0". */
function writeInt(buf: Uint8Array, n: number, v: number): number {
  if (v < 0) {
    buf[n++] = 45; // '-'
    v = -v;
  }
  if (v < 10) {
    buf[n++] = 48 + v;
    return n;
  }
  // digits go in from the right end of their width
  let w = 2;
  for (let p = 100; p <= v && w < 16; p *= 10) w++;
  const end = n + w;
  let i = end;
  while (v >= 10) {
    const q = Math.floor(v / 10);
    buf[--i] = 48 + (v - q * 10);
    v = q;
  }
  buf[--i] = 48 + v;
  return end;
}

const pool: ByteOut[] = [];

/** An empty buffer; give it back with releaseOut when its result has been read. */
export function acquireOut(): ByteOut {
  const out = pool.pop() ?? new ByteOut();
  out.n = 0;
  return out;
}

/** Keeps the buffer for reuse unless it grew very large (it would stay alive). Reuse
 *  matters for results of a few megabytes too: a fresh buffer costs its first writes a
 *  page fault every 4 KB, more than the writes themselves. */
export function releaseOut(out: ByteOut): void {
  if (out.buf.length <= 8 << 20) pool.push(out);
}
