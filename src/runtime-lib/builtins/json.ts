// The `json` table (SPEC A3, B§1.1, B§1.3):
//   json.parse(s, opts?) → value    any JSON value at the top level; null → nil, or json.null
//                                   with opts.keep_null = true; integers stay integers (exact to
//                                   64 bits), numbers with a fraction or exponent, or beyond
//                                   int64, are floats. Errors name line and column.
//   json.encode(v, opts?) → string  compact, object keys sorted in byte order; opts.indent
//                                   (spaces, or a string such as "\t") pretty-prints
//   json.array(t?) / json.object(t?) mark t (or a new table) to encode as an array / object
//   json.null                       the null sentinel: encodes as null
// The parser and encoder work on Lua byte strings directly (json/parse.ts, json/encode.ts).
import { LuaTable } from "../core/table.js";
import { isNumber, toIntExact } from "../core/numbers.js";
import { checkString, checkTable, libError } from "../lib/aux.js";
import { NULL, markShape } from "./convert.js";
import { JsonError, decodeJson } from "./json/parse.js";
import { encodeJson } from "./json/encode.js";

export { decodeJson, encodeJson, JsonError };

/** Options table field access (raw; the table was checked by checkTable). */
function optField(opts: LuaTable | undefined, name: string): unknown {
  return opts === undefined ? undefined : opts.get(name);
}

function indentOf(v: unknown): string {
  if (v === undefined || v === false) return "";
  if (typeof v === "string") return v;
  const n = isNumber(v) ? toIntExact(v) : undefined;
  if (n !== undefined && n >= 0 && n <= 64) return " ".repeat(Number(n));
  throw libError("json.encode", "json.encode: option 'indent' must be a number of spaces (0 to 64) or a string");
}

/** A JsonError becomes the Lua error "<fname>: <message>" at the caller's position. */
function rethrow(fname: string, e: unknown): never {
  if (e instanceof JsonError) throw libError(fname, `${fname}: ${e.msg}`);
  throw e;
}

// object-literal methods keep their Lua names in any bundle (aux.ts finds frames by name)
const jsonLib = {
  parse(s: unknown, opts: unknown): unknown {
    const text = checkString(s, 1, "json.parse", arguments.length > 0);
    const o = opts === undefined ? undefined : checkTable(opts, 2, "json.parse");
    const keepNull = optField(o, "keep_null");
    try {
      return decodeJson(text, keepNull !== undefined && keepNull !== false);
    } catch (e) {
      rethrow("json.parse", e);
    }
  },

  encode(v: unknown, opts: unknown): unknown {
    const o = opts === undefined ? undefined : checkTable(opts, 2, "json.encode");
    const indent = indentOf(optField(o, "indent"));
    try {
      return encodeJson(v, indent);
    } catch (e) {
      rethrow("json.encode", e);
    }
  },

  array(t: unknown): unknown {
    return markShape(t === undefined ? new LuaTable() : checkTable(t, 1, "json.array"), "array");
  },

  object(t: unknown): unknown {
    return markShape(t === undefined ? new LuaTable() : checkTable(t, 1, "json.object"), "object");
  },
};

export function openJson(G: LuaTable): void {
  const t = LuaTable.library({ ...jsonLib, null: NULL });
  // tostring(json.null) reads "null"; error messages call it json.null
  if (NULL.mt === null) {
    const mt = new LuaTable();
    mt.setStr("__tostring", function nullToString(): unknown {
      return "null";
    });
    mt.setStr("__name", "json.null");
    NULL.mt = mt;
  }
  G.setField("json", t);
}
