// Lua tables: an array part for keys 1..n, a string part, and a Map for every other key.
// The string part is a plain JS object with no prototype, so compiled code can read
// constant fields (`t.name`) as ordinary property loads that V8's inline caches speed up;
// tables built the same way share hidden classes. A table that gets many string keys from
// computed names (a dictionary) moves them to a Map (`sm`), which is faster for that use.
// Keys are normalised before they reach a part: floats with an integral value become
// integers, so t[1.0] and t[1] are one slot.
// The string part holds no LFloat and no NaN: V8 keeps a field that has only held numbers
// as an unboxed double, and a single LFloat (an integral float such as 0.0) stored into it
// makes that field tagged for every object of the shape, after which each store of a double
// allocates (benchmarks/programs/nbody.lua, whose bodies start at 0.0: 0.78 -> 0.70 s; 0.52 s
// had they started at non-integral values, since the reads that found 0.0 while V8 gathered
// feedback keep their slow path in the optimized code). Such a value is kept aside
// (TableExtra.floats) and its slot holds NaN, which readers take as "look aside":
// `plainField` tells which values may go into a slot as they are.
import { LFloat, floatToInt } from "./numbers.js";
import { memoryTick } from "./memory.js";
import { LuaError } from "./errors.js";

/** Objects holding string keys: fast-mode, and nothing inherited (no toString, no __proto__). */
export type StrPart = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const StrCtor = function StrPart(this: any) {} as unknown as { new (): StrPart; prototype: object };
StrCtor.prototype = Object.create(null);

type PartCtor = { new (...v: unknown[]): StrPart; prototype: object };

/** A string-part constructor of its own for `keys` (record makers, compactStrings): its
 *  objects get one hidden class, laid out by V8 from the constructor's named stores. */
export function partFor(keys: string[]): PartCtor {
  const params = keys.map((_, i) => `a${i}`);
  const stores = keys.map((k, i) => `this[${JSON.stringify(k)}] = a${i};`).join(" ");
  const Part = new Function(...params, stores) as unknown as PartCtor;
  Part.prototype = StrCtor.prototype;
  return Part;
}

/** Whether v may be stored in a string part as it is (not an LFloat, not NaN). */
export function plainField(v: unknown): boolean {
  return v === v && !(v instanceof LFloat);
}

/** The string part of every table that has no string keys yet: shared, frozen (a stray
 *  write fails loudly), replaced by the table's own object on its first string key. */
const NO_STRINGS: StrPart = Object.freeze(new StrCtor());

/** The array part of every table that has no array values yet: shared, frozen (a stray
 *  write fails loudly), replaced by the table's own array on its first append. A record
 *  (`{name = a, id = b}`) then costs two objects instead of three: 120 bytes instead of 152. */
const NO_ARRAY = Object.freeze([]) as unknown as unknown[];

/** Above this many string keys, compactStrings rebuilds a string part. */
const COMPACT_FROM = 16;

/** The string keys of a table that has none (stringKeys). */
const NO_KEYS = Object.freeze([]) as unknown as string[];

/** From this length on (a power of two), an array part growing by appends reserves room for
 *  as many elements again (reserve); up to this one, since V8 keeps an array longer than
 *  about 2^27 as a dictionary. */
const RESERVE_FROM = 1 << 16;
const RESERVE_UPTO = 1 << 24;

/** Gives array `a` of length n room for 2n elements. V8 grows an array by half when a push
 *  finds it full, writing the hole into all of the new room and copying the old: appending 3
 *  million values made 118 MB of new pages, whose first touch costs more than the copying
 *  (benchmarks/programs/table_fill_sum.lua). Doubling, as Lua's own tables grow, halves the
 *  steps. Lengthening makes the array holey (V8's kind for arrays with gaps; reads check for
 *  the hole) and shortening it back keeps the room. */
function reserve(a: unknown[], n: number): void {
  a.length = 2 * n;
  a.length = n;
}

export class LuaTable {
  /** the shared empty string part: compiled code's inline stores into `t.s` check for it */
  static readonly S0: StrPart = NO_STRINGS;
  /** values for keys 1..arr.length (index k-1); may hold undefined holes, never a trailing one */
  arr: unknown[];
  /** values for string keys; never holds undefined; empty once `sm` is in use; NO_STRINGS
   *  until the first string key */
  s: StrPart = NO_STRINGS;
  /** string keys of a dictionary-like table */
  sm: Map<string, unknown> | null = null;
  /** values for all other keys, created on first use */
  h: Map<unknown, unknown> | null = null;
  mt: LuaTable | null = null;
  /** traversal state for `next`, created on first use: small tables
   *  (the common case) stay small, which matters to the GC when there are many */
  private x: TableExtra | null = null;
  /** string keys added through computed names, while in the object representation */
  private nstr = 0;

  constructor(arr?: unknown[]) {
    if (arr !== undefined) while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
    this.arr = arr === undefined || arr.length === 0 ? NO_ARRAY : arr;
  }

  private extra(): TableExtra {
    return (this.x ??= new TableExtra());
  }

  get(k: unknown): unknown {
    if (typeof k === "string") return this.getStr(k);
    if (typeof k === "number") {
      const a = this.arr;
      if (k > 0 && k <= a.length && Number.isInteger(k)) return a[k - 1];
    } else if (k instanceof LFloat) {
      // an integral float becomes its integer; one beyond the int64 range stays a (boxed) float
      const nk = normFloatKey(k);
      if (!(nk instanceof LFloat)) return this.get(nk);
      k = nk;
    }
    return this.h === null ? undefined : this.h.get(k);
  }

  getStr(k: string): unknown {
    if (this.sm !== null) return this.sm.get(k);
    return this.fromSlot(k, this.s[k]);
  }

  /** The value of string key k whose string-part slot holds v: v itself, or for NaN the
   *  integral float or NaN kept aside. */
  fromSlot(k: string, v: unknown): unknown {
    return v === v ? v : (this.x?.floats?.get(k) ?? NaN);
  }

  /** What a string-part slot for k holds for value v: v itself, or NaN with v kept aside. */
  slot(k: string, v: unknown): unknown {
    if (plainField(v)) return v;
    (this.extra().floats ??= new Map()).set(k, v);
    return NaN;
  }

  getInt(k: number): unknown {
    const a = this.arr;
    if (k > 0 && k <= a.length) return a[k - 1];
    return this.h === null ? undefined : this.h.get(k);
  }

  /** Raw assignment; the caller has rejected nil and NaN keys. */
  set(k: unknown, v: unknown): void {
    if (typeof k === "string") return this.setStr(k, v);
    if (typeof k === "number") {
      if (k > 0 && Number.isInteger(k)) return this.setInt(k, v);
    } else if (k instanceof LFloat) {
      const nk = normFloatKey(k);
      if (!(nk instanceof LFloat)) return this.set(nk, v);
      k = nk;
    }
    this.setOther(k, v);
  }

  setStr(k: string, v: unknown): void {
    const sm = this.sm;
    if (sm !== null) {
      if (v === undefined) sm.delete(k);
      else {
        sm.set(k, v);
        memoryTick();
      }
    } else if (v === undefined) {
      if (this.s[k] !== undefined) delete this.s[k];
    } else {
      if (this.s[k] === undefined) {
        memoryTick();
        if (++this.nstr > DICT_THRESHOLD) return this.toDictionary(k, v);
        this.ownStrings()[k] = this.slot(k, v);
      } else this.s[k] = this.slot(k, v);
    }
  }

  /** The table's own string part for direct stores (by a builder that keeps the invariants:
   *  no undefined values, only values plainField allows, not past the dictionary threshold);
   *  replaces the shared empty one. */
  ownStrings(): StrPart {
    if (this.s === NO_STRINGS) this.s = new StrCtor();
    return this.s;
  }

  /** A library table (math, string, json, ...): its fields stay in the string part however
   *  many there are, so `math.sqrt` in compiled code is a plain property load (with setStr,
   *  math's 35 fields made it a dictionary and every such read took the slow path). */
  static library(fields: Record<string, unknown>): LuaTable {
    const t = new LuaTable();
    for (const k of Object.keys(fields)) if (fields[k] !== undefined) t.setField(k, fields[k]);
    t.compactStrings();
    return t;
  }

  /** Rebuilds the string part as an object V8 keeps in fast mode. An object that got its
   *  properties one by one from the runtime's stores (keyed, as the key varies) becomes a
   *  hash table after about 20 of them; a field read on it is then a dictionary probe
   *  instead of a load at a fixed offset (~3.5 ns more). Library tables and the globals
   *  are read by constant names at every `math.sqrt`, `string.format`, `print`: their
   *  string parts are made by a constructor of their own, whose named stores V8 lays out
   *  as fields (benchmarks/programs/nbody.lua, two such reads an inner step: 0.67 -> 0.61 s
   *  in 5 alternating runs). */
  compactStrings(): void {
    if (this.sm !== null || this.s === NO_STRINGS) return;
    const keys = Object.keys(this.s);
    // (V8 kept 25 such properties in fast mode, and turned to a hash table at the 26th: a
    // small library's table needs no constructor compiled at every start)
    if (keys.length <= COMPACT_FROM) return;
    const s = this.s;
    this.s = new (partFor(keys))(...keys.map((k) => s[k]));
  }

  /** A field the runtime names itself (library registration, _G): stays in the string
   *  part however many there are, since code reads it by constant name. v is not nil. */
  setField(k: string, v: unknown): void {
    if (this.sm !== null) this.sm.set(k, v);
    else this.ownStrings()[k] = this.slot(k, v);
  }

  private toDictionary(k: string, v: unknown): void {
    const sm = new Map<string, unknown>();
    for (const key of Object.keys(this.s)) sm.set(key, this.getStr(key));
    sm.set(k, v);
    this.sm = sm;
    this.s = NO_STRINGS;
    if (this.x !== null) this.x.itKeys = null;
  }

  private setOther(k: unknown, v: unknown): void {
    if (v === undefined) {
      if (this.h !== null) this.h.delete(k);
    } else {
      (this.h ??= new Map()).set(k, v);
      memoryTick();
    }
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
    if (k === n + 1 && v !== undefined) {
      // (an empty array part may be the shared one, which is frozen)
      if (n === 0) this.arr = [v];
      else {
        if (n >= RESERVE_FROM && n <= RESERVE_UPTO && (n & (n - 1)) === 0) reserve(a, n);
        a.push(v);
      }
      memoryTick();
      if (this.h !== null && this.h.size > 0) this.migrate();
      return;
    }
    this.setOther(k, v);
  }

  /** Moves keys n+1, n+2, ... from the Map into the array part after it grew. */
  private migrate(): void {
    const a = this.arr;
    const h = this.h!;
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
    if (n > 0 || this.h === null || this.h.size === 0) return n;
    // keys were placed in the Map (e.g. t[2] before t[1]); find a border there
    let i = 0;
    while (this.h.get(i + 1) !== undefined) i++;
    return i;
  }

  /** Raw `next`: [key, value], or undefined at the end; throws NextKeyError on a bad key.
   *  Order: array part, string keys, other keys. Assigning or clearing existing fields during
   *  a traversal is allowed, as in Lua. */
  next(k: unknown): [unknown, unknown] | undefined {
    const a = this.arr;
    let i = 0;
    if (k !== undefined) {
      if (k instanceof LFloat) k = normFloatKey(k);
      if (typeof k === "number" && Number.isInteger(k) && k > 0 && k <= a.length) i = k;
      else if (typeof k === "string") return this.nextString(k);
      else return this.nextOther(k);
    }
    const j = this.arrayNext(i);
    return j >= 0 ? [j + 1, a[j]] : this.stringsStart();
  }

  /** The string keys held in the object part (none when they are in the Map), in next()'s
   *  order. */
  stringKeys(): string[] {
    return this.s === NO_STRINGS ? NO_KEYS : Object.keys(this.s);
  }

  /** The index (0-based) of the array part's first value at or after index i, or -1. */
  arrayNext(i: number): number {
    const a = this.arr;
    for (; i < a.length; i++) if (a[i] !== undefined) return i;
    return -1;
  }

  private stringsStart(): [unknown, unknown] | undefined {
    if (this.sm !== null) return this.mapFrom(this.sm.entries(), true);
    return this.stringsFrom(this.stringKeys(), 0);
  }

  private nextString(k: string): [unknown, unknown] | undefined {
    if (this.sm !== null) return this.nextInMap(this.sm, k, true);
    const x = this.x;
    if (x !== null && x.itKeys !== null && x.itKeys[x.itPos] === k) return this.stringsFrom(x.itKeys, x.itPos + 1);
    const all = this.stringKeys();
    const pos = all.indexOf(k);
    if (pos < 0) throw nextKeyError();
    return this.stringsFrom(all, pos + 1);
  }

  private stringsFrom(keys: string[], pos: number): [unknown, unknown] | undefined {
    const s = this.s;
    for (; pos < keys.length; pos++) {
      const v = s[keys[pos]];
      if (v !== undefined) {
        const x = this.extra();
        x.itKeys = keys;
        x.itPos = pos;
        return [keys[pos], this.fromSlot(keys[pos], v)];
      }
    }
    if (this.x !== null) this.x.itKeys = null;
    return this.h === null ? undefined : this.mapFrom(this.h.entries(), false);
  }

  private nextOther(k: unknown): [unknown, unknown] | undefined {
    const h = this.h;
    if (h === null || (!h.has(k) && !this.resumesAt(k))) {
      // an integer key that sat in the array part before it shrank: go on with the rest
      if (typeof k === "number" && Number.isInteger(k) && k > 0) return this.stringsStart();
      throw nextKeyError();
    }
    return this.nextInMap(h, k, false);
  }

  /** Whether k is the key a Map traversal returned last: its iterator goes on from there,
   *  even when the loop has cleared k since (which Lua allows). */
  private resumesAt(k: unknown): boolean {
    const x = this.x;
    return x !== null && x.itMap !== null && x.itMapKey === k;
  }

  /** Continues a traversal of one of the Maps after key k. */
  private nextInMap(m: Map<unknown, unknown>, k: unknown, strings: boolean): [unknown, unknown] | undefined {
    if (this.resumesAt(k)) return this.mapFrom(this.x!.itMap!, strings);
    if (!m.has(k)) throw nextKeyError();
    const it = m.entries();
    for (let r = it.next(); !r.done; r = it.next()) {
      if (r.value[0] === k) return this.mapFrom(it, strings);
    }
    return undefined;
  }

  /** The next live entry of a Map traversal; the string Map is followed by the other keys. */
  private mapFrom(it: Iterator<[unknown, unknown]>, strings: boolean): [unknown, unknown] | undefined {
    for (let r = it.next(); !r.done; r = it.next()) {
      if (r.value[1] !== undefined) {
        const x = this.extra();
        x.itMap = it;
        x.itMapKey = r.value[0];
        return r.value;
      }
    }
    if (this.x !== null) {
      this.x.itMap = null;
      this.x.itMapKey = undefined;
    }
    if (strings && this.h !== null) return this.mapFrom(this.h.entries(), false);
    return undefined;
  }
}

class TableExtra {
  // traversal state for `next` (see LuaTable.next())
  itKeys: string[] | null = null;
  itPos = 0;
  itMap: Iterator<[unknown, unknown]> | null = null;
  itMapKey: unknown = undefined;
  /** integral floats and NaNs of the string part, whose slots hold NaN (see plainField) */
  floats: Map<string, unknown> | null = null;
}

/** `next` with a key not in the table: raised inside the C function next (or a for loop's
 *  iteration of it), so the message carries no position. */
function nextKeyError(): LuaError {
  return new LuaError("invalid key to 'next'");
}

/** String keys from computed names a table takes before it becomes a dictionary. */
const DICT_THRESHOLD = 32;

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
