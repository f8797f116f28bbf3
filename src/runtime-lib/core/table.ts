// Lua tables: an array part for keys 1..n plus a hash part (a Map, insertion ordered).
// Keys are normalised before they reach either part: floats with an integral value become
// integers, so t[1.0] and t[1] are one slot. `next` continues a cached Map iterator, so a
// pairs() loop is linear, and assigning or clearing existing fields during traversal is safe.
import { LFloat, floatToInt } from "./numbers.js";

export class LuaTable {
  /** values for keys 1..arr.length (index k-1); may hold undefined holes, never a trailing one */
  arr: unknown[] = [];
  hash: Map<unknown, unknown> = new Map();
  mt: LuaTable | null = null;
  // the iterator `next` continues when asked for the key it returned last
  private itKey: unknown = undefined;
  private it: Iterator<[unknown, unknown]> | null = null;

  constructor(arr?: unknown[]) {
    if (arr) {
      this.arr = arr;
      while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
    }
  }

  get(k: unknown): unknown {
    if (typeof k === "number") {
      const a = this.arr;
      if (k > 0 && k <= a.length && Number.isInteger(k)) return a[k - 1];
      return this.hash.get(k);
    }
    if (typeof k === "string") return this.hash.get(k);
    if (k instanceof LFloat) return this.get(normFloatKey(k));
    return this.hash.get(k);
  }

  getStr(k: string): unknown {
    return this.hash.get(k);
  }

  getInt(k: number): unknown {
    const a = this.arr;
    if (k > 0 && k <= a.length) return a[k - 1];
    return this.hash.get(k);
  }

  /** Raw assignment; the caller has rejected nil and NaN keys. */
  set(k: unknown, v: unknown): void {
    if (typeof k === "number") {
      if (Number.isInteger(k) && k > 0) return this.setInt(k, v);
    } else if (k instanceof LFloat) {
      return this.set(normFloatKey(k), v);
    }
    if (v === undefined) this.hash.delete(k);
    else this.hash.set(k, v);
  }

  setStr(k: string, v: unknown): void {
    if (v === undefined) this.hash.delete(k);
    else this.hash.set(k, v);
  }

  setInt(k: number, v: unknown): void {
    const a = this.arr;
    const n = a.length;
    if (k <= n) {
      if (v === undefined && k === n) {
        a.pop();
        while (a.length > 0 && a[a.length - 1] === undefined) a.pop();
      } else a[k - 1] = v;
      return;
    }
    if (k === n + 1) {
      if (v === undefined) {
        this.hash.delete(k);
        return;
      }
      a.push(v);
      if (this.hash.size > 0) this.migrate();
      return;
    }
    if (v === undefined) this.hash.delete(k);
    else this.hash.set(k, v);
  }

  /** Moves keys n+1, n+2, ... from the hash part into the array part after it grew. */
  private migrate(): void {
    const a = this.arr;
    const h = this.hash;
    let k = a.length + 1;
    let v = h.get(k);
    while (v !== undefined) {
      h.delete(k);
      a.push(v);
      k++;
      v = h.get(k);
    }
  }

  /** The border `#t` (raw). */
  length(): number {
    const n = this.arr.length;
    if (n > 0) return n;
    if (this.hash.size === 0) return 0;
    // keys were placed in the hash (e.g. t[2] before t[1]); find a border there
    let i = 0;
    while (this.hash.get(i + 1) !== undefined) i++;
    return i;
  }

  /** Raw `next`: returns [key, value] or undefined at the end; throws on an unknown key. */
  next(k: unknown): [unknown, unknown] | undefined {
    const a = this.arr;
    let i = 0;
    if (k !== undefined) {
      if (k instanceof LFloat) k = normFloatKey(k);
      if (typeof k === "number" && Number.isInteger(k) && k > 0 && k <= a.length) i = k;
      else return this.nextInHash(k);
    }
    for (; i < a.length; i++) {
      if (a[i] !== undefined) return [i + 1, a[i]];
    }
    return this.hashFrom(this.hash.entries());
  }

  private nextInHash(k: unknown): [unknown, unknown] | undefined {
    if (this.it !== null && this.itKey === k) return this.hashFrom(this.it);
    if (!this.hash.has(k)) {
      // an integer key that sat in the array part before it shrank: continue with the hash
      if (typeof k === "number" && Number.isInteger(k) && k > 0) return this.hashFrom(this.hash.entries());
      throw new NextKeyError();
    }
    const it = this.hash.entries();
    for (let r = it.next(); !r.done; r = it.next()) {
      if (r.value[0] === k) return this.hashFrom(it);
    }
    return undefined;
  }

  private hashFrom(it: Iterator<[unknown, unknown]>): [unknown, unknown] | undefined {
    for (let r = it.next(); !r.done; r = it.next()) {
      if (r.value[1] !== undefined) {
        this.it = it;
        this.itKey = r.value[0];
        return r.value;
      }
    }
    this.it = null;
    this.itKey = undefined;
    return undefined;
  }
}

export class NextKeyError extends Error {}

// floats beyond the int64 range keep their float identity as keys through one shared box
const bigFloatKeys = new Map<number, LFloat>();

function normFloatKey(k: LFloat): unknown {
  const i = floatToInt(k.n);
  if (i !== undefined) return i;
  let box = bigFloatKeys.get(k.n);
  if (box === undefined) bigFloatKeys.set(k.n, (box = k));
  return box;
}

/** Normalises a key for storage: integral floats to integers. NaN/nil are checked by callers. */
export function normKey(k: unknown): unknown {
  return k instanceof LFloat ? normFloatKey(k) : k;
}
