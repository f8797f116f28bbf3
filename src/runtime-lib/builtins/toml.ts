// The `toml` table (SPEC B§1.5), parsing with `smol-toml`:
//   toml.parse(s) → table    TOML 1.0 → Lua through the shared data mapping: integers stay
//                            integers (64-bit exact; out of range is an error), floats stay
//                            floats (`1.0`, nan, inf), dates and times become strings in
//                            RFC 3339 form as written ("1979-05-27T07:32:00-08:00",
//                            "1979-05-27", "07:32:00"; fractions to the millisecond)
//   toml.encode(t) → string  keys sorted; plain values first, then `[sub.tables]` and
//                            `[[arrays.of.tables]]`; floats keep a fraction (`1.0`); null
//                            (json.null, holes in json.array) and non-tables are errors
import { LuaTable } from "../core/table.js";
import { LFloat, normInt } from "../core/numbers.js";
import { typeName } from "../core/values.js";
import { checkString, libError } from "../lib/aux.js";
import { isParsedScalar, luaToData, markShape, parsedScalarToLua, utf8Decode, utf8Encode } from "./convert.js";
import { byteOrder, floatText, relocate } from "./yaml.js";

// The package is evaluated on first use (a plain require: esbuild bundles it, runs it late).
let smol: typeof import("smol-toml") | undefined;
function tomlLib(): typeof import("smol-toml") {
  return (smol ??= require("smol-toml") as typeof import("smol-toml"));
}

const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;

// ---- parse ----

/** A TOML date/time as RFC 3339 text: local forms stay local, offsets as written, and the
 *  fraction of a second without trailing zeros. */
function dateText(d: Date): string {
  return d.toISOString().replace(/\.(\d*?)0*(?=Z$|[+-]\d\d:\d\d$|$)/, (_m, f: string) => (f ? "." + f : ""));
}

/** Where an integer literal with value `v` is written in `src` (" at line L, column C"). */
function integerPosition(src: string, v: bigint): string {
  for (const m of src.matchAll(/[+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)/g)) {
    let t = m[0].replace(/_/g, "");
    const neg = t[0] === "-";
    if (t[0] === "-" || t[0] === "+") t = t.slice(1);
    let b: bigint;
    try {
      b = BigInt(t);
    } catch {
      continue;
    }
    if ((neg ? -b : b) !== v) continue;
    const before = src.slice(0, m.index).split(/\r?\n/);
    return ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
  }
  return "";
}

/** A TOML integer: beyond 64 bits it is an error naming where it is written in `src`. */
function integer(v: bigint, src: string): unknown {
  if (v < MIN_I64 || v > MAX_I64) throw libError("toml.parse", `toml.parse: integer ${v} does not fit in 64 bits${integerPosition(src, v)}`);
  return normInt(v);
}

function toLua(v: unknown, src: string): unknown {
  if (isParsedScalar(v)) return parsedScalarToLua(v, (b) => integer(b, src));
  if (v instanceof Date) return dateText(v);
  const t = new LuaTable();
  if (Array.isArray(v)) {
    v.forEach((x, i) => t.set(i + 1, toLua(x, src)));
    // an empty array stays an array when encoded again
    return v.length === 0 ? markShape(t, "array") : t;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  for (const k of keys) t.setStr(utf8Encode(k), toLua(o[k], src));
  return keys.length === 0 ? markShape(t, "object") : t;
}

function parse(s: unknown): unknown {
  const text = checkString(s, 1, "toml.parse", arguments.length > 0);
  const { parse: parseToml, TomlError } = tomlLib();
  let src: string;
  try {
    src = utf8Decode(text, "toml.parse");
  } catch (e) {
    throw relocate("toml.parse", e);
  }
  let data: unknown;
  try {
    data = parseToml(src, { integersAsBigInt: true });
  } catch (e) {
    if (e instanceof TomlError) {
      const msg = e.message.replace(/^Invalid TOML document: /, "").split("\n")[0];
      throw libError("toml.parse", `toml.parse: ${msg} at line ${e.line}, column ${e.column}`);
    }
    if (e instanceof Error) throw libError("toml.parse", `toml.parse: ${e.message}`);
    throw relocate("toml.parse", e);
  }
  return toLua(data, src);
}

// ---- encode ----

type Obj = Record<string, unknown>;

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function strText(s: string): string {
  // JSON's escapes are TOML's (\b \t \n \f \r \" \\ \uXXXX); DEL must be escaped too
  return JSON.stringify(s).replace(/\x7f/g, "\\u007f");
}

function keyText(k: string): string {
  return BARE_KEY.test(k) ? k : strText(k);
}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof LFloat);
}

function isArrayOfTables(v: unknown): v is Obj[] {
  return Array.isArray(v) && v.length > 0 && v.every(isObj);
}

class Emitter {
  private nullAt(path: string): never {
    throw libError("toml.encode", `toml.encode: TOML cannot represent null (at '${path}')`);
  }

  inline(v: unknown, path: string): string {
    if (v === null) this.nullAt(path);
    if (typeof v === "string") return strText(v);
    if (typeof v === "boolean" || typeof v === "bigint") return String(v);
    if (typeof v === "number") return Number.isInteger(v) ? String(v) : floatText(v);
    if (v instanceof LFloat) return floatText(v.n);
    if (Array.isArray(v)) return v.length === 0 ? "[]" : `[${v.map((x, i) => this.inline(x, `${path}[${i + 1}]`)).join(", ")}]`;
    const o = v as Obj;
    const keys = Object.keys(o).sort(byteOrder);
    if (keys.length === 0) return "{}";
    return `{ ${keys.map((k) => `${keyText(k)} = ${this.inline(o[k], `${path}.${k}`)}`).join(", ")} }`;
  }

  /** A table's own `key = value` lines, and the blocks of its sub-tables. */
  body(o: Obj, header: string, path: string): { lines: string; blocks: string[] } {
    let lines = "";
    const blocks: string[] = [];
    for (const k of Object.keys(o).sort(byteOrder)) {
      const v = o[k];
      const p = path ? `${path}.${k}` : k;
      const h = header ? `${header}.${keyText(k)}` : keyText(k);
      if (isObj(v)) blocks.push(...this.table(v, h, p));
      else if (isArrayOfTables(v)) {
        v.forEach((el, i) => {
          const b = this.body(el, h, `${p}[${i + 1}]`);
          blocks.push(`[[${h}]]\n${b.lines}`, ...b.blocks);
        });
      } else lines += `${keyText(k)} = ${this.inline(v, p)}\n`;
    }
    return { lines, blocks };
  }

  /** A sub-table: its `[header]` (left out when it has only sub-tables), then those. */
  table(o: Obj, header: string, path: string): string[] {
    const b = this.body(o, header, path);
    return b.lines || b.blocks.length === 0 ? [`[${header}]\n${b.lines}`, ...b.blocks] : b.blocks;
  }
}

function encode(v: unknown): unknown {
  if (!(v instanceof LuaTable)) {
    throw libError("toml.encode", `toml.encode: top-level value must be a table, got ${arguments.length === 0 ? "no value" : typeName(v)}`);
  }
  let data: unknown;
  try {
    data = luaToData(v, { what: "toml.encode", keepFloats: true, emptyTables: "object" });
  } catch (e) {
    throw relocate("toml.encode", e);
  }
  if (Array.isArray(data)) {
    if (data.length > 0) throw libError("toml.encode", "toml.encode: top-level value must be a table with string keys, not an array");
    return "";
  }
  const b = new Emitter().body(data as Obj, "", "");
  const parts = b.lines ? [b.lines, ...b.blocks] : b.blocks;
  return utf8Encode(parts.join("\n"));
}

export function openToml(G: LuaTable): void {
  G.setField("toml", LuaTable.library({ parse, encode }));
}
