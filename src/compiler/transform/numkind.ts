// What the compiler can know of a numeric expression's value before it runs, so the inline
// arithmetic can leave out tests whose outcome is certain (see inlineNumeric).
//   "int"     a JS number holding a safe integer (an integer literal, a loop counter that
//             cannot leave the safe range)
//   "integer" a Lua integer: a safe-integer JS number or a bigint
//   "float"   a Lua float: a non-integral JS number or an LFloat box
// Facts about variables hold for locals never assigned after their declaration, and for
// assigned locals whose every value is of one kind (numinfer.ts).
import type * as L from "../parser/ast.js";
import { lineOf, resolve } from "../context.js";
import { LFloat, LuaNumber } from "../../runtime-lib/core/numbers.js";
import { parseNumeral } from "./constants.js";
import { T } from "./state.js";

export type NumKind = "int" | "integer" | "float" | null;

/** The kind of a Lua number value known at compile time. */
export function kindOfValue(v: LuaNumber): NumKind {
  if (typeof v === "bigint") return "integer";
  if (v instanceof LFloat) return "float";
  return Number.isInteger(v) ? "int" : "float";
}

/** The names that are the target of an assignment anywhere in a chunk (`x = ...`,
 *  `function x() end`, a global declaration with values): a local of another name keeps the
 *  value it was declared with. */
export function assignedNames(chunk: L.Chunk): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    if (node === null || typeof node !== "object" || typeof (node as { type?: unknown }).type !== "string") return;
    const n = node as L.Node;
    if (n.type === "AssignmentStatement" || n.type === "GlobalStatement")
      for (const v of n.variables) if (v.type === "Identifier") names.add(v.name);
    if (n.type === "FunctionDeclaration" && !n.isLocal && n.identifier?.type === "Identifier") names.add(n.identifier.name);
    for (const key of Object.keys(n)) if (key !== "loc" && key !== "range") visit((n as unknown as Record<string, unknown>)[key]);
  };
  visit(chunk);
  return names;
}

/** The value of a numeric literal, possibly negated (`-1`, `-0.5`), or undefined. */
export function literalValue(e: L.Expression): LuaNumber | undefined {
  if (e.type === "NumericLiteral") return parseNumeral(e.raw, lineOf(e));
  if (e.type === "UnaryExpression" && e.operator === "-" && e.argument.type === "NumericLiteral") {
    const v = parseNumeral(e.argument.raw, lineOf(e));
    if (typeof v === "number" && v !== 0) return -v;
  }
  return undefined;
}

const ARITH_KIND: Record<string, (a: NumKind, b: NumKind) => NumKind> = {
  "+": intOrFloat,
  "-": intOrFloat,
  "*": intOrFloat,
  "%": intOrFloat,
  "//": intOrFloat,
  "/": () => "float",
  "^": () => "float",
};

/** + - * % // on two known numbers: an integer when both are, else a float (an int result
 *  may have wrapped around beyond the safe range, so it is only known as "integer"). */
export function intOrFloat(a: NumKind, b: NumKind): NumKind {
  return a === "float" || b === "float" ? "float" : "integer";
}

/** The kind of an expression's value, or null when it may be anything (a table with
 *  metamethods, a string, ...). */
export function numKind(n: L.Expression, t: T): NumKind {
  switch (n.type) {
    case "NumericLiteral":
      return kindOfValue(parseNumeral(n.raw, lineOf(n)));
    case "Identifier": {
      const b = resolve(t.scope, n.name, lineOf(n)).binding;
      if (!b || b.kind !== "local") return null;
      if (b.ctc) return b.ctc.kind === "number" ? kindOfValue(b.ctc.v) : null;
      return b.numKind ?? null;
    }
    case "BinaryExpression": {
      const f = ARITH_KIND[n.operator];
      if (!f) return null;
      const a = numKind(n.left, t);
      const b = a === null ? null : numKind(n.right, t);
      if (a === null || b === null) return null;
      // an integer modulo a nonzero integer literal is smaller than the literal
      if (n.operator === "%" && a !== "float" && b !== "float") {
        const d = literalValue(n.right);
        if (typeof d === "number" && d !== 0) return "int";
      }
      return f(a, b);
    }
    case "UnaryExpression":
      if (n.operator !== "-") return null;
      return numKind(n.argument, t);
    default:
      return null;
  }
}
