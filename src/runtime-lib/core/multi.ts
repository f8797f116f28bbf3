// The calling convention: every callable is a plain JS function taking its Lua arguments
// positionally. A call that produces exactly one value returns it directly; any other number
// of results (zero, two or more) comes back as a Multi. Single-value contexts unwrap with
// `first`; multi-value contexts spread with `all`.

export class Multi {
  constructor(readonly v: unknown[]) {}
}

/** The result of a call that returns nothing. */
export const EMPTY = new Multi([]);

export function first(r: unknown): unknown {
  return r instanceof Multi ? r.v[0] : r;
}

/** All results of a call as an array (a fresh one: callers may keep it). */
export function all(r: unknown): unknown[] {
  return r instanceof Multi ? r.v.slice() : [r];
}

/** Packs results for returning: zero values → EMPTY, one → itself, more → a Multi. */
export function ret(vals: unknown[]): unknown {
  return vals.length === 1 ? vals[0] : vals.length === 0 ? EMPTY : new Multi(vals);
}

export function ret2(a: unknown, b: unknown): Multi {
  return new Multi([a, b]);
}

/** `return a, b, f()` : fixed values followed by the results of a call. */
export function retTail(vals: unknown[], r: unknown): unknown {
  if (r instanceof Multi) {
    for (const x of r.v) vals.push(x);
  } else vals.push(r);
  return ret(vals);
}

/** The i-th (0-based) result of a call. */
export function nth(r: unknown, i: number): unknown {
  return r instanceof Multi ? r.v[i] : i === 0 ? r : undefined;
}
