// The shapes of Lua values in JS and their type names.
//   nil → undefined, boolean → boolean, number → see numbers.ts, string → JS string whose
//   char codes are bytes (0–255), table → LuaTable, function → JS function,
//   userdata → Userdata subclasses, thread → Coroutine (coroutine.ts).
import { LuaTable } from "./table.js";
import { LFloat } from "./numbers.js";

/** Full userdata: values made by builtins (files, handles). Each carries its metatable. */
export class Userdata {
  constructor(public mt: LuaTable | null = null) {}
}

/** Builtins compiled code recognises by identity for fast paths (set by the libraries). */
export const builtins: {
  select: Function | null;
  yield: Function | null;
  error: Function | null;
  /** the global assert: the base function, or the callable table of builtins/assert.ts */
  assert: unknown;
  /** error and assert as called by name at a site of compiled code (lib/base.ts) */
  errorAt: ((site: number) => Function) | null;
  assertAt: ((site: number) => Function) | null;
  /** the statement `error(...)` by name at a site (lib/base.ts raiseAt) */
  raiseAt: ((site: number) => Function) | null;
  /** math functions whose calls by name compiled code computes inline (transform/mathcalls.ts) */
  mathSqrt: Function | null;
  mathFloor: Function | null;
  mathAbs: Function | null;
  mathMax: Function | null;
  mathMin: Function | null;
} = {
  select: null, yield: null, error: null, assert: null, errorAt: null, assertAt: null, raiseAt: null,
  mathSqrt: null, mathFloor: null, mathAbs: null, mathMax: null, mathMin: null,
};

/** Coroutine objects register their class here so `type` can name them. */
export const threadClass: { ctor: Function | null } = { ctor: null };

export function typeName(v: unknown): string {
  switch (typeof v) {
    case "undefined":
      return "nil";
    case "boolean":
      return "boolean";
    case "number":
    case "bigint":
      return "number";
    case "string":
      return "string";
    case "function":
      return "function";
    default:
      if (v instanceof LuaTable) return "table";
      if (v instanceof LFloat) return "number";
      if (threadClass.ctor !== null && v instanceof threadClass.ctor) return "thread";
      return "userdata";
  }
}

export function truthy(v: unknown): boolean {
  return v !== undefined && v !== false;
}

// Stable pseudo-addresses for tostring(table/function/...)
const ids = new WeakMap<object, number>();
let nextId = 0x55a4c2e00000;

export function addressOf(v: object): string {
  let id = ids.get(v);
  if (id === undefined) {
    id = nextId;
    nextId += 0x40;
    ids.set(v, id);
  }
  return "0x" + id.toString(16);
}
