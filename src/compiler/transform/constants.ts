// Numeric constants: the numeral's raw text decides integer or float exactly as Lua's lexer
// does (0x7fffffffffffffff stays an exact integer, 1e2 is a float, decimal overflow is a float).
import { ChunkCtx } from "../context.js";
import { CompileError } from "../diagnostics.js";
import { LFloat, LuaNumber, str2number } from "../../runtime-lib/core/numbers.js";

export function parseNumeral(raw: string, line: number): LuaNumber {
  const v = str2number(raw);
  if (v === undefined) throw new CompileError(`malformed number near '${raw}'`, line);
  return v;
}

function jsNumber(n: number): string {
  if (Object.is(n, -0)) return "-0";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  const s = String(n);
  return n < 0 ? `(${s})` : s;
}

export function constantFrag(v: LuaNumber, chunk: ChunkCtx): string {
  if (typeof v === "number") return jsNumber(v);
  if (typeof v === "bigint") return `(${v}n)`;
  return chunk.constant(`new LFloat(${jsNumber((v as LFloat).n)})`);
}
