// Calls of math.sqrt, math.floor, math.abs, math.max and math.min by those names, in a
// single-value context: while the field holds the builtin and the arguments are plain JS
// numbers, the result is computed inline (a builtin call boxes its argument and result, and
// V8 cannot see through it); otherwise the call is made as written, with the values already
// evaluated. The fast paths give exactly what the builtins give (lib/math.ts): a result is
// taken inline only when its representation is that of a plain number (an integral float
// result, which the runtime boxes as an LFloat, and a NaN whose sign matters, go the slow way).
import type * as L from "../parser/ast.js";
import { Frag, Mark } from "../frag.js";
import { lineOf } from "../context.js";
import { T } from "./state.js";
import { atNextDepth, describe, expr, isMulti } from "./expressions.js";
import { callInfo, calleeFrag, isGlobalName } from "./calls.js";

interface Inline {
  /** the number of arguments the inline path takes */
  n: number;
  /** the builtin's key in $B (runtime-lib/core/values.ts builtins) */
  key: string;
  /** the test that the inline result is right (given the argument temporaries, and the
   *  result temporary it may assign), and the result */
  fast: (r: string, args: string[]) => [string, string];
}

const num = (x: string): string => `typeof ${x} === "number"`;

const INLINE: Record<string, Inline> = {
  sqrt: { n: 1, key: "mathSqrt", fast: (r, [x]) => [`${num(x)} && !Number.isInteger(${r} = Math.sqrt(${x}))`, r] },
  // a plain number is an integer (floor is itself) or a non-integral float, whose floor is a
  // safe integer; a NaN or an infinity stays a float
  floor: { n: 1, key: "mathFloor", fast: (r, [x]) => [`${num(x)} && Number.isFinite(${r} = Math.floor(${x}))`, r] },
  abs: { n: 1, key: "mathAbs", fast: (_r, [x]) => [`${num(x)} && ${x} === ${x}`, `Math.abs(${x})`] },
  // (lessThan in lib/math.ts: the first of equal values, and a NaN compares false)
  max: { n: 2, key: "mathMax", fast: (_r, [a, b]) => [`${num(a)} && ${num(b)}`, `(${a} < ${b} ? ${b} : ${a})`] },
  min: { n: 2, key: "mathMin", fast: (_r, [a, b]) => [`${num(a)} && ${num(b)}`, `(${b} < ${a} ? ${b} : ${a})`] },
};

/** The call `math.name(args)` with its fast path, or null when it is not one of those. */
export function mathCall(c: L.CallExpression | L.StringCallExpression | L.TableCallExpression, t: T): Frag | null {
  if (t.fn.gen || c.type !== "CallExpression") return null;
  const base = c.base;
  if (base.type !== "MemberExpression" || base.indexer !== "." || base.base.type !== "Identifier" || base.base.name !== "math") return null;
  const args = c.arguments;
  const inline = Object.hasOwn(INLINE, base.identifier.name) ? INLINE[base.identifier.name] : undefined;
  if (inline === undefined || args.length !== inline.n || args.some((a) => isMulti(a, t))) return null;
  const line = lineOf(c);
  if (!isGlobalName(t, "math", lineOf(base.base))) return null;
  const callee = expr(base, t);
  return atNextDepth(t, (d) => {
    const temps = [`$q${d}`, `$r${d}`].slice(0, args.length);
    const values = args.map((a, i) => ["(", temps[i], " = ", expr(a, t), "), "]);
    const [test, result] = inline.fast(`$r${d}`, temps);
    const desc = describe(base, t);
    const call: Frag = ["first(", calleeFrag(`$p${d}`, desc, line), new Mark(line, callInfo(desc)), "(", temps.join(", "), "))"];
    return ["(($p", String(d), " = ", callee, "), ", values, `$p${d} === $B.${inline.key} && `, test, " ? ", result, " : ", call, ")"];
  });
}
