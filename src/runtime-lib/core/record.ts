// Record constructors: `{name = a, id = b}` with distinct constant string keys and nothing
// else. The compiler asks once per constructor (a chunk constant) for a maker specialised to
// its key list (one per distinct list, shared by every site and chunk that has it); the maker
// builds the string part with a constructor function of its own, so every record with those
// keys gets one hidden class through monomorphic stores, with no key
// array built and no per-key checks. A nil value (which must not create its key) takes the
// generic path.
import { LuaTable, partFor } from "./table.js";
import { memoryTick, memoryTicks } from "./memory.js";
import { LFloat } from "./numbers.js";

export type RecordMaker = (...values: unknown[]) => LuaTable;

/** makers by key list: constructors with the same keys, wherever they are, share one */
const makers = new Map<string, RecordMaker>();

export function trec(keys: string[]): RecordMaker {
  const id = keys.join("\0");
  let maker = makers.get(id);
  if (maker === undefined) makers.set(id, (maker = makeRecordMaker(keys)));
  return maker;
}

/** Makes a table from the values of its fields in order (undefined: no field). */
export type RowMaker = (values: unknown[]) => LuaTable;

/** A maker of tables with the fields `keys` from an array of their values, for rows made by
 *  the runtime (database results). Unlike a record constructor's, the tables have a hidden
 *  class of their own, in which an integral float stays in its slot (as an LFloat, which
 *  every reader takes as it is) instead of aside: rows are read, not computed with, and a
 *  float column is half integral floats. A nil value, or a key given twice, takes the generic
 *  path. */
export function rowMaker(keys: string[]): RowMaker {
  // (one per column list, as trec: a query run in a loop must not compile a maker per call)
  const id = keys.join("\0");
  let maker = rowMakers.get(id);
  if (maker === undefined) {
    if (rowMakers.size >= ROW_MAKERS) rowMakers.clear();
    rowMakers.set(id, (maker = makeRowMaker(keys)));
  }
  return maker;
}

/** makers by column list, at most ROW_MAKERS of them (column lists come from queries) */
const rowMakers = new Map<string, RowMaker>();
const ROW_MAKERS = 512;

function makeRowMaker(keys: string[]): RowMaker {
  if (new Set(keys).size !== keys.length) return (v) => fieldsOf(keys, v);
  const Part = partFor(keys);
  const args = keys.map((_, i) => `v[${i}]`).join(", ");
  const anyNil = keys.map((_, i) => `v[${i}] === undefined`).join(" || ") || "false";
  const make = new Function(
    "Part", "LuaTable", "memoryTicks", "slow",
    `return function (v) {
  if (${anyNil}) return slow(v);
  const t = new LuaTable();
  t.s = new Part(${args});
  memoryTicks(${keys.length});
  return t;
};`,
  );
  return make(Part, LuaTable, memoryTicks, (v: unknown[]) => fieldsOf(keys, v)) as RowMaker;
}

/** The generic path of the makers: fields keys[i] = values[i] stored one by one, nil values
 *  left out (of a key given twice, the later value stays). */
function fieldsOf(keys: string[], values: unknown[]): LuaTable {
  const t = new LuaTable();
  memoryTick();
  for (let i = 0; i < keys.length; i++) if (values[i] !== undefined) t.setStr(keys[i], values[i]);
  return t;
}

function makeRecordMaker(keys: string[]): RecordMaker {
  const params = keys.map((_, i) => `a${i}`);
  const Part = partFor(keys);
  const anyNil = params.map((p) => `${p} === undefined`).join(" || ");
  // an integral float or a NaN is kept aside (see plainField in table.ts), in the same shape
  const anyAside = params.map((p) => `${p} !== ${p} || ${p} instanceof LFloat`).join(" || ");
  const slots = keys.map((k, i) => `t.slot(${JSON.stringify(k)}, a${i})`).join(", ");
  const make = new Function(
    "Part", "LuaTable", "LFloat", "memoryTicks", "slow",
    `return function (${params.join(", ")}) {
  if (${anyNil}) return slow(${params.join(", ")});
  const t = new LuaTable();
  t.s = ${anyAside} ? new Part(${slots}) : new Part(${params.join(", ")});
  memoryTicks(${keys.length});
  return t;
};`,
  );
  return make(Part, LuaTable, LFloat, memoryTicks, (...values: unknown[]) => fieldsOf(keys, values)) as RecordMaker;
}
