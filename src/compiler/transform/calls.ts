// Calls. A Lua call compiles to a direct JS call of the callee when it is a function, or of
// what `callable` makes of it (__call); the raw result may be a Multi (see multi.ts).
// Marks at `callable` and at the argument list let errors and tracebacks name the callee.
import type * as L from "../parser/ast.js";
import { Frag, Mark, Site, join } from "../frag.js";
import { lineOf, resolve } from "../context.js";
import { T } from "./state.js";
import { describe, expr, exprList, isMulti, jsString, multiFrag, propAccess } from "./expressions.js";
import { genResult, slowOp } from "./gen.js";
import { mathCall } from "./mathcalls.js";

type AnyCall = L.CallExpression | L.StringCallExpression | L.TableCallExpression;

export function callArgs(n: AnyCall): L.Expression[] {
  if (n.type === "CallExpression") return n.arguments;
  if (n.type === "StringCallExpression") return [n.argument];
  return [n.arguments];
}

export function argsFrag(args: L.Expression[], t: T, prefix: Frag[] = []): Frag {
  const { items, tail } = exprList(args, t);
  const parts: Frag[] = [...prefix, ...items];
  if (tail !== null) parts.push(["...", tail]);
  return join(parts, ", ");
}

const SIMPLE = /^[A-Za-z_$][\w$]*$/;

/** The info of the mark at a call's argument list: the callee's description, and for a call
 *  in tail position (`return f(x)`) a second field "tail" — Lua drops the caller's frame from
 *  tracebacks when the callee is a Lua function. */
export function callInfo(desc: string, tail = false): string {
  return "C" + desc + (tail ? "\0tail" : "");
}

/** `(typeof f === "function" ? f : callable(f))` for a callee JS expression. */
export function calleeFrag(callee: Frag, desc: string, line: number): Frag {
  const mark = new Mark(line, "c" + desc);
  if (typeof callee === "string" && SIMPLE.test(callee))
    return ["(typeof ", callee, ' === "function" ? ', callee, " : ", mark, "callable(", callee, ", ", new Site(mark), "))"];
  return ['(typeof ($t = ', callee, ') === "function" ? $t : ', mark, "callable($t, ", new Site(mark), "))"];
}

/** Whether `name` (at `line`) names a global, no local of that name being in scope: calls
 *  through it may get the fast path of the builtin of that name. */
export function isGlobalName(t: T, name: string, line: number): boolean {
  const r = resolve(t.scope, name, line);
  return !(r.binding && r.binding.kind === "local");
}

/** `select('#', ...)` and `select(i, ...)` read the vararg array directly while the global
 *  `select` is still the builtin (no array copies); otherwise the call is made as written. */
function selectCall(c: AnyCall, t: T, single: boolean): Frag | null {
  if (t.fn.gen) return null;
  const args = callArgs(c);
  if (c.base.type !== "Identifier" || c.base.name !== "select" || args.length !== 2) return null;
  const [n, rest] = args;
  if (rest.type !== "VarargLiteral" || t.chunk.isParenthesized(rest) || !t.fn.isVararg) return null;
  if (!isGlobalName(t, "select", lineOf(c))) return null;
  const simple = n.type === "StringLiteral" || n.type === "NumericLiteral" || (n.type === "Identifier" && typeof expr(n, t) === "string") ||
    (n.type === "UnaryExpression" && n.operator === "-" && n.argument.type === "NumericLiteral");
  if (!simple) return null;
  const nf = expr(n, t);
  const line = lineOf(c);
  const call: Frag = [calleeFrag("$t", "global 'select'", line), new Mark(line, "C" + "global 'select'"), "(", nf, ", ...va)"];
  const lookup: Frag = ["($t = ", expr(c.base, t), ")"];
  if (n.type === "StringLiteral" && n.value === "#") return ["(", lookup, " === $B.select ? va.length : ", single ? ["first(", call, ")"] : call, ")"];
  const fast: Frag = single ? ["(", nf, " > 0 ? va[", nf, " - 1] : va[va.length + ", nf, "])"] : ["selectVa(", nf, ", va)"];
  return ["(", lookup, " === $B.select && selectOk(", nf, ", va.length) ? ", fast, " : ", single ? ["first(", call, ")"] : call, ")"];
}

/** A call from generator code: started by cg (cg0..cg3 for up to three fixed arguments,
 *  which take the call's site last), run with `yield*` when it is a generator. */
function genCall(callee: Frag, desc: string, line: number, args: L.Expression[], t: T, prefix: Frag[] = [], tailCall = false): Frag {
  const { items, tail } = exprList(args, t);
  const all: Frag[] = [callee, ...prefix, ...items];
  if (tail !== null) all.push(["...", tail]);
  const info = callInfo(desc, tailCall);
  const mark = new Mark(line, info);
  const fixed = tail === null && all.length <= 4;
  const helper = fixed ? `cg${all.length - 1}` : "cg";
  return genResult([mark, helper, "(", join(fixed ? [...all, new Site(mark)] : all, ", "), ")"], line, "", info);
}

/** `coroutine.yield(...)` as written (the global coroutine table's field): in generator code
 *  it becomes a JS yield when the value is the builtin. */
function isCoroutineYield(base: L.Expression, t: T): boolean {
  if (base.type !== "MemberExpression" || base.indexer !== "." || base.identifier.name !== "yield") return false;
  if (base.base.type !== "Identifier" || base.base.name !== "coroutine") return false;
  return isGlobalName(t, "coroutine", lineOf(base));
}

/** A list of values (return's, yield's) as a call's result: the value itself when there is
 *  one, EMPTY or a Multi otherwise; a call or `...` at the end gives all its values. */
export function resultsFrag(args: L.Expression[], t: T, tailCall = false): Frag {
  if (args.length === 0) return "EMPTY";
  if (args.length === 1) {
    const a = args[0];
    if (!isMulti(a, t)) return expr(a, t);
    return a.type === "VarargLiteral" ? ["ret(", multiFrag(a, t), ")"] : callExpr(a, t, tailCall);
  }
  const { items, tail } = exprList(args, t);
  if (tail === null) return ["new Multi([", join(items, ", "), "])"];
  return ["ret([", join([...items, ["...", tail]], ", "), "])"];
}

/** A call in a single-value context. */
export function callFirst(n: L.Expression, t: T): Frag {
  if (t.fn.probeCall === n) return ["first(", callExpr(n, t), ")"];
  return selectCall(n as AnyCall, t, true) ?? mathCall(n as AnyCall, t) ?? ["first(", callExpr(n, t), ")"];
}

/** The last call of a restartable function's plain code (restartable.ts): `$t` holds the
 *  callee; when the function runs as a probe, `$Y.call` makes the call instead, which runs
 *  only a callee that cannot yield. `args` is the argument list's code (`self` first for a
 *  method), made twice, once per way; `none`: there are no arguments. */
function probedCall(calleeValue: Frag, desc: string, line: number, tail: boolean, args: () => Frag, none: boolean): Frag {
  const info = callInfo(desc, tail);
  return [
    // (V8 places the frame of a method call at the method's name)
    "(($t = ", calleeValue, "), $Y.g === $Y.p ? $Y.", new Mark(line, info), "call(", none ? "$t" : ["$t, ", args()], ") : ",
    calleeFrag("$t", desc, line), new Mark(line, info), "(", args(), "))",
  ];
}

/** A call; `tail`: it is the operand of `return` (a Lua tail call). */
export function callExpr(n: L.Expression, t: T, tail = false): Frag {
  const c = n as AnyCall;
  const probed = t.fn.probeCall === c && !t.fn.gen;
  const sel = probed ? null : selectCall(c, t, false);
  if (sel) return sel;
  const line = lineOf(c);
  const args = callArgs(c);
  const base = c.base;
  if (base.type === "MemberExpression" && base.indexer === ":") {
    const obj = expr(base.base, t);
    const name = jsString(base.identifier.name);
    const idxMark = new Mark(line, "i" + describe(base.base, t));
    const simple = typeof obj === "string" && SIMPLE.test(obj);
    const self = simple ? obj : "$o";
    // inline: the object's own field, or the field of its metatable's __index table, or of
    // that table's own __index table (the usual class layout, with one level of
    // inheritance), as monomorphic property loads; for a string, the field of the string
    // metatable's __index table (the string library: `s:sub(1, 4)`; through indexS, whose
    // load of a key that varies is megamorphic, a call took ~45 ns more); anything else goes
    // through indexS. A table whose string keys moved to its Map (sm) has an empty `s`: the
    // chain stops there
    const prop = propAccess(base.identifier.name);
    const lookup: Frag = [
      "((", simple ? obj : ["$o = ", obj], ") instanceof LuaTable && (($v = ", self, ".s", prop, ") !== undefined || ",
      self, ".sm === null && ", self, ".mt !== null && ($i = ", self, ".mt.s.__index) instanceof LuaTable && (($v = $i.s", prop, ") !== undefined || ",
      "$i.sm === null && $i.mt !== null && ($i = $i.mt.s.__index) instanceof LuaTable && ($v = $i.s", prop, ") !== undefined)) || ",
      "typeof ", self, ' === "string" && ($i = $SM.mt) !== null && ($i = $i.s.__index) instanceof LuaTable && ($v = $i.s', prop, ") !== undefined ? $v : ",
      slowOp(t, idxMark, "indexS", [self, name], "first"), ")",
    ];
    if (t.fn.gen) return genCall(lookup, describe(base, t), line, args, t, [self], tail);
    if (probed) return probedCall(lookup, describe(base, t), line, tail, () => argsFrag(args, t, [self]), false);
    const mark = new Mark(line, "c" + describe(base, t));
    return [
      '(typeof ($t = ', lookup, ') === "function" ? $t : ', mark, "callable($t, ", new Site(mark), "))",
      new Mark(line, callInfo(describe(base, t), tail)), "(", argsFrag(args, t, [self]), ")",
    ];
  }
  const callee = expr(base, t);
  if (t.fn.gen) {
    if (isCoroutineYield(base, t))
      return ["(($t = ", callee, ") === $B.yield ? (yield ", resultsFrag(args, t), ") : ", genCall("$t", describe(base, t), line, args, t, [], tail), ")"];
    return genCall(callee, describe(base, t), line, args, t, [], tail);
  }
  const desc = describe(base, t);
  if (probed) return probedCall(siteBoundCallee(base, callee, line, t, "$t") ?? callee, desc, line, tail, () => argsFrag(args, t), args.length === 0);
  return [siteBoundCallee(base, callee, line, t, calleeFrag("$t", desc, line)) ?? calleeFrag(callee, desc, line), new Mark(line, callInfo(desc, tail)), "(", argsFrag(args, t), ")"];
}

/** The statement `error(...)` by the global's name, in plain code: the function raiseAt
 *  (lib/base.ts) gives for the site returns the error, and the statement throws it from this
 *  function's own frame, or returns it when pcall called this function and no try of this
 *  function's (a to-be-closed variable, a generic for) encloses the statement (FuncState
 *  canReturnErrors); null for any other statement. */
export function errorStatement(n: L.CallStatement, t: T): Frag | null {
  const c = n.expression as AnyCall;
  if (t.fn.gen || t.fn.probeCall === c || c.base.type !== "Identifier" || c.base.name !== "error") return null;
  const callee = expr(c.base, t);
  const line = lineOf(c);
  const desc = describe(c.base, t);
  const bound = siteBoundCallee(c.base, callee, line, t, calleeFrag("$t", desc, line), "raiseAt");
  if (bound === null) return null;
  const returns = t.fn.canReturnErrors && t.fn.closeDepth === 0;
  if (returns) t.fn.returnsErrors = true;
  const raise = returns ? "{ if ($d) return $x; throw $x; }\n" : "throw $x;\n";
  return ["if (($x = ", bound, new Mark(line, callInfo(desc)), "(", argsFrag(callArgs(c), t), ")) instanceof LuaError) ", raise];
}

/** `error(...)` and `assert(...)` by their global names: while the global is the builtin,
 *  the callee is the builtin made for this call's site (lib/base.ts errorAt, or the $B
 *  function named by `maker`), whose errors inside pcall take their position from the site
 *  instead of a captured stack; otherwise `other`, written in terms of `$t` (the global's
 *  value). */
function siteBoundCallee(base: L.Expression, callee: Frag, line: number, t: T, other: Frag, maker?: string): Frag | null {
  if (base.type !== "Identifier" || (base.name !== "error" && base.name !== "assert")) return null;
  if (!isGlobalName(t, base.name, lineOf(base))) return null;
  const at = new Mark(line, "");
  return ["(($t = ", callee, ") === $B.", base.name, " ? ", at, `$B.${maker ?? base.name + "At"}(`, new Site(at), ") : ", other, ")"];
}
