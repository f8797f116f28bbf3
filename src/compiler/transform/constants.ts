// Numeric constants: the numeral's raw text decides integer or float exactly as Lua's lexer
// does (0x7fffffffffffffff stays an exact integer, 1e2 is a float, decimal overflow is a float).
import type * as L from "../parser/ast.js";
import { ChunkCtx, CompileTimeConstant, Scope, resolve, lineOf } from "../context.js";
import { CompileError } from "../diagnostics.js";
import { LFloat, LuaNumber, isInteger, str2number, toF } from "../../runtime-lib/core/numbers.js";
import * as A from "../../runtime-lib/core/arith.js";
import { idivNum, modNum } from "../../runtime-lib/core/ops.js";

export function parseNumeral(raw: string, line: number): LuaNumber {
  const v = str2number(raw);
  if (v === undefined) throw new CompileError(`malformed number near '${raw}'`, line);
  return v;
}

export function jsNumber(n: number): string {
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

// ---- compile-time constants (lparser.c localstat, lcode.c constfolding) ----

/** The value of `local x <const> = e` when Lua treats x as a compile-time constant: e is a
 *  literal, another such constant, `not` of one, or numeric arithmetic Lua folds. Lua then
 *  compiles uses of x as the value itself, so errors say "constant 'abc'" (strings) or give
 *  no name (numbers), never "local 'x'". */
export function compileTimeConstant(e: L.Expression, scope: Scope): CompileTimeConstant | null {
  switch (e.type) {
    case "StringLiteral":
      return { kind: "string", s: e.value ?? "" };
    case "NumericLiteral": {
      const v = str2number(e.raw);
      return v === undefined ? null : { kind: "number", v };
    }
    case "NilLiteral":
    case "BooleanLiteral":
      return { kind: "value" };
    case "Identifier": {
      const r = resolve(scope, e.name, lineOf(e));
      return r.binding && r.binding.kind === "local" ? r.binding.ctc ?? null : null;
    }
    case "UnaryExpression": {
      const a = compileTimeConstant(e.argument, scope);
      if (a === null) return null;
      if (e.operator === "not") return { kind: "value" };
      if (a.kind !== "number" || e.operator === "#") return null;
      return folded(e.operator === "-" ? "unm" : "bnot", a.v, 0);
    }
    case "BinaryExpression": {
      const a = compileTimeConstant(e.left, scope);
      const b = compileTimeConstant(e.right, scope);
      if (a?.kind !== "number" || b?.kind !== "number") return null;
      return folded(e.operator, a.v, b.v);
    }
    default:
      return null;
  }
}

const FOLDERS: Record<string, (x: LuaNumber, y: LuaNumber) => LuaNumber | undefined> = {
  "+": A.numAdd,
  "-": A.numSub,
  "*": A.numMul,
  // (Lua folds no division by zero, integer or float)
  "/": (x, y) => (toF(y) === 0 ? undefined : A.numDiv(x, y)),
  "^": A.numPow,
  "%": (x, y) => (toF(y) === 0 ? undefined : modNum(x, y)),
  "//": (x, y) => (toF(y) === 0 ? undefined : idivNum(x, y)),
  unm: (x) => A.numUnm(x),
  bnot: (x) => {
    const a = A.bitOperand(x);
    return a === undefined ? undefined : A.intBnot(a);
  },
  "&": bits(A.intBand),
  "|": bits(A.intBor),
  "~": bits(A.intBxor),
  "<<": bits(A.intShl),
  ">>": bits(A.intShr),
};

function bits(f: (a: number | bigint, b: number | bigint) => number | bigint) {
  return (x: LuaNumber, y: LuaNumber) => {
    const a = A.bitOperand(x);
    const b = A.bitOperand(y);
    return a === undefined || b === undefined ? undefined : f(a, b);
  };
}

/** constfolding: no folding where it would raise an error, nor to a float NaN or zero. */
function folded(op: string, x: LuaNumber, y: LuaNumber): CompileTimeConstant | null {
  const f = FOLDERS[op];
  const r = f ? f(x, y) : undefined;
  if (r === undefined) return null;
  if (!isInteger(r)) {
    const n = toF(r);
    if (n !== n || n === 0) return null;
  }
  return { kind: "number", v: r };
}
