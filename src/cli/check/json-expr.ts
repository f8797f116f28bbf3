// The http check's `expect.json` (SPEC B§3.3): `.<path> == <literal>` against the response
// body. The path is object keys only (no array indexing); the literal is a quoted string,
// true/false/null, an integer, a float, else a bare string. Equality is JSON-value equality
// where the integer 1 and the float 1.0 differ — so the body is read by the runtime's JSON
// parser, which keeps that distinction (json.parse's Lua values).
import { LuaTable } from "../../runtime-lib/core/table.js";
import { LFloat } from "../../runtime-lib/core/numbers.js";
import { decodeJson, JsonError } from "../../runtime-lib/builtins/json.js";
import { NULL, utf8Encode } from "../../runtime-lib/builtins/convert.js";

type Literal = { kind: "string"; v: string } | { kind: "bool"; v: boolean } | { kind: "null" } | { kind: "int"; v: bigint } | { kind: "float"; v: number };

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** The right side of the expression, as SPEC reads it. */
function parseLiteral(s: string): Literal {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return { kind: "string", v: s.slice(1, -1) };
  if (s === "true" || s === "false") return { kind: "bool", v: s === "true" };
  if (s === "null") return { kind: "null" };
  if (INT.test(s)) {
    const b = BigInt(s);
    if (b >= I64_MIN && b <= I64_MAX) return { kind: "int", v: b };
  }
  if (FLOAT.test(s)) return { kind: "float", v: Number(s) };
  return { kind: "string", v: s };
}

/** Whether a value from json.parse equals the literal (integers and floats never equal). */
function equals(v: unknown, lit: Literal): boolean {
  switch (lit.kind) {
    case "null":
      return v === NULL;
    case "bool":
      return v === lit.v;
    case "string":
      // Lua strings hold UTF-8 bytes
      return typeof v === "string" && v === utf8Encode(lit.v);
    case "int":
      return (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) && BigInt(v) === lit.v;
    case "float": {
      const f = v instanceof LFloat ? v.n : typeof v === "number" && !Number.isInteger(v) ? v : undefined;
      return f === lit.v;
    }
  }
}

/** Evaluates `expr` against the body (a byte string); null when it holds, else the check's
 *  failure message. */
export function checkJsonExpr(body: string, expr: string): string | null {
  let value: unknown;
  try {
    value = decodeJson(body, true);
  } catch (e) {
    if (e instanceof JsonError) return `response body is not valid JSON: ${e.msg}`;
    throw e;
  }
  const eq = expr.indexOf("==");
  if (eq < 0) return `unsupported JSON expression syntax: "${expr}" (expected '.path == value')`;
  const path = expr.slice(0, eq).trim().replace(/^\.+/, "").split(".").filter((s) => s !== "");
  for (const key of path) {
    const next = value instanceof LuaTable ? value.get(utf8Encode(key)) : undefined;
    if (next === undefined) return `JSON path '.${key}' not found in response`;
    value = next;
  }
  return equals(value, parseLiteral(expr.slice(eq + 2).trim())) ? null : `JSON expression failed: ${expr}`;
}
