// Expressions: every Lua expression becomes a JS expression producing one Lua value
// (`expr`), a JS boolean for tests (`cond`), or — in the last position of a list — an array
// to spread (`exprList`'s tail) when it can produce several values.
import type * as L from "../parser/ast.js";
import { Frag, Mark, join } from "../frag.js";
import { lineOf, resolve } from "../context.js";
import { CompileError } from "../diagnostics.js";
import { T } from "./state.js";
import { callExpr, callFirst } from "./calls.js";
import { funcExpr } from "./functions.js";
import { compileTimeConstant, constantFrag, jsNumber, parseNumeral } from "./constants.js";
import { NumKind, literalValue, numKind } from "./numkind.js";
import { LFloat, LuaNumber } from "../../runtime-lib/core/numbers.js";
import { numUnm } from "../../runtime-lib/core/arith.js";
import { slowOp } from "./gen.js";

type Visitor = (n: any, t: T) => Frag;

const BINARY: Record<string, string> = {
  "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod", "^": "pow", "//": "idiv",
  "&": "band", "|": "bor", "~": "bxor", "<<": "shl", ">>": "shr", "..": "concat",
  "==": "eq", "<": "lt", "<=": "le", ">": "gt", ">=": "ge",
};
const ARITH = new Set(["+", "-", "*", "/", "%", "^", "//", "&", "|", "~", "<<", ">>"]);
const COMPARE = new Set(["==", "~=", "<", "<=", ">", ">="]);

export function isCall(n: L.Expression): boolean {
  return n.type === "CallExpression" || n.type === "StringCallExpression" || n.type === "TableCallExpression";
}

/** Can this expression produce several values here (a call or `...` not in parentheses)? */
export function isMulti(n: L.Expression, t: T): boolean {
  return (isCall(n) || n.type === "VarargLiteral") && !t.chunk.isParenthesized(n);
}

/** How Lua names the value of an expression in error messages ("local 'x'"), or "". */
export function describe(n: L.Expression, t: T): string {
  switch (n.type) {
    case "Identifier": {
      const r = resolve(t.scope, n.name, lineOf(n));
      if (!r.binding || r.binding.kind === "global") return `global '${n.name}'`;
      if (r.binding.ctc) return r.binding.ctc.kind === "string" ? `constant '${cName(r.binding.ctc.s)}'` : "";
      return r.upvalue ? `upvalue '${n.name}'` : `local '${n.name}'`;
    }
    case "MemberExpression":
      return n.indexer === ":" ? `method '${n.identifier.name}'` : `field '${n.identifier.name}'`;
    case "IndexExpression":
      if (n.index.type === "StringLiteral") return `field '${cName(strValue(n.index))}'`;
      if (n.index.type === "NumericLiteral" && /^\d+$/.test(n.index.raw)) return "field 'integer index'";
      return "field '?'";
    case "StringLiteral":
      return `constant '${cName(strValue(n))}'`;
    default:
      return "";
  }
}

/** A name as Lua's messages print it: with %s, so it ends at the first "\0". */
function cName(s: string): string {
  const z = s.indexOf("\0");
  return z < 0 ? s : s.slice(0, z);
}

export function strValue(n: L.StringLiteral): string {
  return n.value ?? "";
}

export function jsString(s: string): string {
  return JSON.stringify(s);
}

/** The JS name holding _ENV at this point. */
export function envFrag(t: T, line: number): string {
  const r = resolve(t.scope, "_ENV", line);
  if (r.binding && r.binding.kind === "local") return r.binding.js;
  return "$ENV";
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** JS access of a constant string key in a table's string part: `.name` or `["na-me"]`. */
export function propAccess(key: string): string {
  return IDENT.test(key) ? `.${key}` : `[${jsString(key)}]`;
}

/** `obj.key` read: the raw field inline (an inline-cached property load), the metatable
 *  path through indexS when it is absent or obj is not a table, and for a slot holding NaN
 *  (an integral float or a NaN kept aside: see plainField in runtime-lib/core/table.ts). */
export function fieldGet(obj: Frag, key: string, mark: Mark, t: T): Frag {
  const prop = propAccess(key);
  const k = jsString(key);
  if (typeof obj === "string" && IDENT.test(obj))
    return ["(", obj, " instanceof LuaTable && ($v = ", obj, ".s", prop, ") !== undefined && $v === $v ? $v : ", slowOp(t, mark, "indexS", [obj, k], "first"), ")"];
  return ["(($i = ", obj, ") instanceof LuaTable && ($v = $i.s", prop, ") !== undefined && $v === $v ? $v : ", slowOp(t, mark, "indexS", ["$i", k], "first"), ")"];
}

/** `obj[key]` read: a number key's slot in the array part inline (keys 1..#arr are there),
 *  everything else (absent, other keys, metatables, non-tables) through index. */
function indexGet(n: L.IndexExpression, t: T, mark: Mark): Frag {
  const pre: Frag[] = [];
  const [o, k] = operands({ left: n.base, right: n.index }, t, pre, false);
  // a literal base (`(1)[k]`) is no table
  if (!IDENT.test(o.slow)) return ["(", pre, slowOp(t, mark, "index", [o.slow, k.slow], "first"), ")"];
  const key = k.literal && k.kind === "int" ? String(Number(k.fast.replace(/[()]/g, "")) - 1) : `${k.fast} - 1`;
  const test = all(`${o.slow} instanceof LuaTable`, isNum(k), `($v = ${o.slow}.arr[${key}]) !== undefined`);
  return ["(", pre, test, " ? $v : ", slowOp(t, mark, "index", [o.slow, k.slow], "first"), ")"];
}

const visitors: Record<string, Visitor> = {
  NilLiteral: () => "undefined",
  BooleanLiteral: (n: L.BooleanLiteral) => (n.value ? "true" : "false"),
  NumericLiteral: (n: L.NumericLiteral, t) => constantFrag(parseNumeral(n.raw, lineOf(n)), t.chunk),
  StringLiteral: (n: L.StringLiteral) => jsString(strValue(n)),
  VarargLiteral: (n: L.VarargLiteral, t) => {
    if (!t.fn.isVararg) throw new CompileError("cannot use '...' outside a vararg function near '...'", lineOf(n));
    return "va[0]";
  },
  Identifier: (n: L.Identifier, t) => {
    const r = resolve(t.scope, n.name, lineOf(n));
    if (r.binding && r.binding.kind === "local") return r.binding.js;
    return fieldGet(envFrag(t, lineOf(n)), n.name, new Mark(lineOf(n), "i" + "upvalue '_ENV'"), t);
  },
  MemberExpression: (n: L.MemberExpression, t) =>
    fieldGet(expr(n.base, t), n.identifier.name, new Mark(lineOf(n), "i" + describe(n.base, t)), t),
  IndexExpression: (n: L.IndexExpression, t) => {
    const mark = new Mark(lineOf(n), "i" + describe(n.base, t));
    if (n.index.type === "StringLiteral") return fieldGet(expr(n.base, t), strValue(n.index), mark, t);
    return indexGet(n, t, mark);
  },
  CallExpression: (n, t) => callFirst(n, t),
  StringCallExpression: (n, t) => ["first(", callExpr(n, t), ")"],
  TableCallExpression: (n, t) => ["first(", callExpr(n, t), ")"],
  FunctionDeclaration: (n: L.FunctionDeclaration, t) => funcExpr(n, t, `function <${t.chunk.chunkname}:${lineOf(n)}>`),
  TableConstructorExpression: (n: L.TableConstructorExpression, t) => tableExpr(n, t),
  BinaryExpression: (n: L.BinaryExpression, t) => binaryExpr(n, t),
  LogicalExpression: (n: L.LogicalExpression, t) => logicalExpr(n, t),
  UnaryExpression: (n: L.UnaryExpression, t) => unaryExpr(n, t),
};

export function expr(n: L.Expression, t: T): Frag {
  const v = visitors[n.type];
  if (!v) throw new CompileError(`unsupported expression ${n.type}`, lineOf(n));
  return v(n, t);
}

/** A list of expressions: single values, plus an array to spread for a multi-valued tail. */
export function exprList(ns: L.Expression[], t: T): { items: Frag[]; tail: Frag | null } {
  const items: Frag[] = [];
  let tail: Frag | null = null;
  ns.forEach((n, i) => {
    if (i === ns.length - 1 && isMulti(n, t)) tail = multiFrag(n, t);
    else items.push(expr(n, t));
  });
  return { items, tail };
}

/** A multi-valued expression as a JS array (not to be mutated). */
export function multiFrag(n: L.Expression, t: T): Frag {
  if (n.type === "VarargLiteral") {
    if (!t.fn.isVararg) throw new CompileError("cannot use '...' outside a vararg function near '...'", lineOf(n));
    return "va";
  }
  return ["spread(", callExpr(n, t), ")"];
}

/** Array literal of a list, spreading a multi-valued tail. */
export function arrayFrag(ns: L.Expression[], t: T): Frag {
  const { items, tail } = exprList(ns, t);
  if (tail !== null && items.length === 0) return ["[...", tail, "]"];
  const parts: Frag[] = [...items];
  if (tail !== null) parts.push(["...", tail]);
  return ["[", join(parts, ", "), "]"];
}

/** A JS boolean: is the Lua value of this expression true? */
export function cond(n: L.Expression, t: T): Frag {
  switch (n.type) {
    case "BooleanLiteral":
      return n.value ? "true" : "false";
    case "NilLiteral":
      return "false";
    case "UnaryExpression":
      if (n.operator === "not") return ["!", cond(n.argument, t)];
      break;
    case "LogicalExpression":
      return ["(", cond(n.left, t), n.operator === "and" ? " && " : " || ", cond(n.right, t), ")"];
    case "BinaryExpression":
      if (["==", "~=", "<", "<=", ">", ">="].includes(n.operator)) return binaryExpr(n, t);
      break;
    case "Identifier": {
      const v = expr(n, t);
      if (typeof v === "string") return `(${v} !== undefined && ${v} !== false)`;
      break;
    }
  }
  const tmp = tempName(t);
  return ["((", tmp, " = ", expr(n, t), ") !== undefined && ", tmp, " !== false)"];
}

function tempName(_t: T): string {
  return "$a";
}

const SIMPLE_OPERAND = /^(?:[A-Za-z_$][\w$]*|\(?-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\)?)$/;
const INLINE_ARITH: Record<string, string> = { "+": "+", "-": "-", "*": "*", "/": "/", "%": "%", "//": "//" };
const INLINE_CMP: Record<string, string> = { "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

function binaryExpr(n: L.BinaryExpression, t: T): Frag {
  const op = n.operator as string;
  const h = BINARY[op];
  const line = n.operatorLine;
  let mark: Mark;
  if (ARITH.has(op)) mark = new Mark(line, "a" + describe(n.left, t) + "\0" + describe(n.right, t));
  else if (op === "..") mark = new Mark(line, "k" + describe(n.left, t) + "\0" + describe(n.right, t));
  else mark = new Mark(line, "");
  if (op === "-" && isIntZero(n.right, t)) return minusZero(n, t, mark);
  // two literals stay a helper call: JS would fold 0/0 to a NaN without the sign x86 gives
  const literals = n.left.type === "NumericLiteral" && n.right.type === "NumericLiteral";
  if (!literals && (INLINE_ARITH[op] || INLINE_CMP[op] || op === "==" || op === "~=")) return inlineNumeric(n, t, op, h ?? "eq", mark);
  if (op === "~=") return ["!", slowOp(t, mark, "eq", [expr(n.left, t), expr(n.right, t)], "tru")];
  return slowOp(t, mark, h, [expr(n.left, t), expr(n.right, t)], COMPARE.has(op) ? "tru" : "first");
}

function isIntZero(n: L.Expression, t: T): boolean {
  const c = compileTimeConstant(n, t.scope);
  return c !== null && c.kind === "number" && c.v === 0;
}

/** `x - 0` with an integer constant: Lua 5.4 compiles it as x + (-0) (OP_ADDI), so a float
 *  -0.0 gives 0.0; anything else (strings, metamethods: __sub) is an ordinary subtraction. */
function minusZero(n: L.BinaryExpression, t: T, mark: Mark): Frag {
  const [left, d] = atNextDepth(t, (d) => [expr(n.left, t), d] as const);
  const p = `$p${d}`;
  const zero = constantFrag(new LFloat(0), t.chunk);
  return ["((", p, " = ", left, ") instanceof LFloat && ", p, ".n === 0 ? ", zero, " : ", slowOp(t, mark, "sub", [p, "0"], "first"), ")"];
}

/** An operand of inline arithmetic: its JS text for the plain-number path (`fast`: a known
 *  value as a JS number literal, even an integral float) and for the helper (`slow`). */
interface Operand {
  fast: string;
  slow: string;
  kind: NumKind;
  literal: boolean;
}

/** The value of an expression known at compile time: a literal, a constant, or a local
 *  declared with a literal and never assigned. */
export function knownValue(n: L.Expression, t: T): LuaNumber | undefined {
  const lit = literalValue(n);
  if (lit !== undefined) return lit;
  if (n.type !== "Identifier") return undefined;
  const b = resolve(t.scope, n.name, lineOf(n)).binding;
  if (!b || b.kind !== "local") return undefined;
  if (b.ctc) return b.ctc.kind === "number" ? b.ctc.v : undefined;
  return b.numValue;
}

/** Compiles both operands (each with its own temporary when it is not a simple name or
 *  literal; `pre` receives the assignments) at the next arithmetic depth. As in Lua's
 *  registers, a local of this function is read when the operator runs, after the right
 *  operand (which may assign it); for arithmetic and comparisons (`upvalueEarly`) an
 *  upvalue is read before it, as Lua's code generator loads it into a register first. */
function operands(n: { left: L.Expression; right: L.Expression }, t: T, pre: Frag[], upvalueEarly = true): [Operand, Operand, number] {
  return atNextDepth(t, (d) => {
    const left = expr(n.left, t);
    const right = expr(n.right, t);
    const early = upvalueEarly && !isSimple(right) && isUpvalue(n.left, t);
    return [operand(n.left, left, early, t, `$p${d}`, pre), operand(n.right, right, false, t, `$q${d}`, pre), d];
  });
}

/** Runs `body` with the next arithmetic depth `d` taken: its temporaries ($p<d>, $q<d>, ...)
 *  are this expression's, and the expressions compiled inside it use deeper ones. */
export function atNextDepth<R>(t: T, body: (d: number) => R): R {
  const fn = t.fn;
  const d = fn.arithDepth++;
  fn.arithMax = Math.max(fn.arithMax, d + 1);
  try {
    return body(d);
  } finally {
    fn.arithDepth--;
  }
}

function isSimple(f: Frag): f is string {
  return typeof f === "string" && SIMPLE_OPERAND.test(f);
}

function isUpvalue(n: L.Expression, t: T): boolean {
  return n.type === "Identifier" && resolve(t.scope, n.name, lineOf(n)).upvalue;
}

function operand(n: L.Expression, f: Frag, early: boolean, t: T, tmp: string, pre: Frag[]): Operand {
  const kind = numKind(n, t);
  let slow: string;
  if (isSimple(f) && !early) slow = f;
  else {
    pre.push(["(", tmp, " = ", f, "), "]);
    slow = tmp;
  }
  const v = knownValue(n, t);
  const num = v === undefined || typeof v === "bigint" ? undefined : jsNumber(typeof v === "number" ? v : v.n);
  if (num !== undefined && SIMPLE_OPERAND.test(num)) return { fast: num, slow, kind, literal: true };
  return { fast: slow, slow, kind, literal: false };
}

function unknownValue(o: Operand): Operand {
  return { fast: o.slow, slow: o.slow, kind: o.kind, literal: false };
}

/** Tests that an operand is a plain JS number, and that such a number is an integer;
 *  empty when known. */
const isNum = (o: Operand): string => (o.literal || o.kind === "int" ? "" : `typeof ${o.fast} === "number"`);
const isInt = (o: Operand): string =>
  o.kind === "int" || o.kind === "integer" ? "" : o.kind === "float" ? "false" : `Number.isInteger(${o.fast})`;
const all = (...c: string[]): string => c.filter((x) => x !== "").join(" && ") || "true";

/** Arithmetic, comparison and equality with the plain-number case inline, so V8 keeps type
 *  feedback per operator in the program; other operand types go through the helper. An
 *  integer result is only taken inline when both operands are integers and it stays exact.
 *  What is known of the operands (numkind.ts) leaves out tests with a certain outcome. */
function inlineNumeric(n: L.BinaryExpression, t: T, op: string, helper: string, mark: Mark): Frag {
  const pre: Frag[] = [];
  let [a, b, d] = operands(n, t, pre);
  // two known values stay variables: JS would fold 0/0 to a NaN without the sign x86 gives
  if (a.literal && b.literal) [a, b] = [unknownValue(a), unknownValue(b)];
  const [p, q] = [a.fast, b.fast];
  const r = `$r${d}`;
  const bothNum = all(isNum(a), isNum(b));
  const slow = slowOp(t, mark, helper, [a.slow, b.slow], COMPARE.has(op) ? "tru" : "first");
  if (op === "==" || op === "~=") {
    const same: Frag = [`${p} === ${q} || !(${bothNum} || typeof ${p} === "string") && `, slowOp(t, mark, "eqSlow", [a.slow, b.slow], "tru")];
    return op === "==" ? ["(", pre, same, ")"] : ["!(", pre, same, ")"];
  }
  if (INLINE_CMP[op]) return bothNum === "true" ? ["(", pre, `${p} ${INLINE_CMP[op]} ${q})`] : ["(", pre, bothNum, ` ? ${p} ${INLINE_CMP[op]} ${q} : `, slow, ")"];
  const [test, result] = arithTest(op, a, b, r);
  return ["(", pre, all(isNum(a), isNum(b), test), ` ? ${result} : `, slow, ")"];
}

const MAX_SAFE = "9007199254740991";

/** For two plain JS numbers: the test that the result computed inline is the Lua result,
 *  and that result. */
function arithTest(op: string, a: Operand, b: Operand, r: string): [string, string] {
  const [p, q] = [a.fast, b.fast];
  const ints = all(isInt(a), isInt(b));
  // a literal divisor needs no zero test, and its sign is known
  const divisor = b.literal && b.kind === "int" ? Number(q.replace(/[()]/g, "")) : null;
  if (op === "/") return [`!Number.isInteger(${r} = ${p} / ${q})`, r];
  if (op === "%") {
    if (divisor !== null && divisor !== 0)
      return [isInt(a), `((${r} = ${p} % ${q}) ${divisor > 0 ? "<" : ">"} 0 ? ${r} + ${q} : ${r} + 0)`];
    return [`${ints} && ${q} !== 0`, `((${r} = ${p} % ${q}) !== 0 && ${r} < 0 !== ${q} < 0 ? ${r} + ${q} : ${r} + 0)`];
  }
  if (op === "//") return [all(ints, divisor !== null && divisor !== 0 ? "" : `${q} !== 0`), `Math.floor(${p} / ${q}) + 0`];
  const jsOp = INLINE_ARITH[op];
  // with a float operand the result is a float: inline unless it is integral (then boxed)
  if (a.kind === "float" || b.kind === "float") return [`!Number.isInteger(${r} = ${p} ${jsOp} ${q})`, r];
  // "+ 0": an integer product is never -0
  const result = op === "*" ? `${r} + 0` : r;
  if (ints === "true") return [`(${r} = ${p} ${jsOp} ${q}) <= ${MAX_SAFE} && ${r} >= -${MAX_SAFE}`, result];
  return [`(${r} = ${p} ${jsOp} ${q}, Number.isInteger(${r}) ? ${ints} && ${r} <= ${MAX_SAFE} && ${r} >= -${MAX_SAFE} : true)`, result];
}

function logicalExpr(n: L.LogicalExpression, t: T): Frag {
  const left = expr(n.left, t);
  const right = expr(n.right, t);
  const tmp = tempName(t);
  if (n.operator === "and") return ["((", tmp, " = ", left, ") === undefined || ", tmp, " === false ? ", tmp, " : ", right, ")"];
  return ["((", tmp, " = ", left, ") === undefined || ", tmp, " === false ? ", right, " : ", tmp, ")"];
}

function unaryExpr(n: L.UnaryExpression, t: T): Frag {
  const line = lineOf(n);
  switch (n.operator) {
    case "not":
      return ["!", cond(n.argument, t)];
    case "-":
      if (n.argument.type === "NumericLiteral" && !t.chunk.isParenthesized(n.argument))
        return constantFrag(numUnm(parseNumeral(n.argument.raw, line)), t.chunk);
      return inlineUnm(n, t, new Mark(line, "a" + describe(n.argument, t)));
    case "#":
      return slowOp(t, new Mark(line, "i" + describe(n.argument, t)), "len", [expr(n.argument, t)], "first");
    case "~":
      return slowOp(t, new Mark(line, "a" + describe(n.argument, t)), "bnot", [expr(n.argument, t)], "first");
  }
  throw new CompileError(`unsupported operator ${n.operator}`, line);
}

/** `-x` with a plain number inline; an integer zero goes to the helper, which keeps the
 *  integer 0 (JS would make it -0, a float), and so does a NaN (numbers.ts: NaN signs). */
function inlineUnm(n: L.UnaryExpression, t: T, mark: Mark): Frag {
  const [arg, d] = atNextDepth(t, (d) => [expr(n.argument, t), d] as const);
  const simple = isSimple(arg);
  const p = simple ? arg : `$p${d}`;
  const pre: Frag = simple ? "" : ["(", p, " = ", arg, "), "];
  return ["(", pre, `typeof ${p} === "number" && ${p} !== 0 && ${p} === ${p} ? -${p} : `, slowOp(t, mark, "unm", [p], "first"), ")"];
}

function tableExpr(n: L.TableConstructorExpression, t: T): Frag {
  // Lua evaluates the fields in order; tnew's arguments take the positional ones first, so a
  // keyed field before a positional one needs the ordered form
  const firstKeyed = n.fields.findIndex((f) => f.type !== "TableValue");
  const lastPositional = n.fields.map((f) => f.type).lastIndexOf("TableValue");
  if (firstKeyed !== -1 && firstKeyed < lastPositional) return orderedTableExpr(n, t);
  const rec = recordKeys(n);
  if (rec !== null) {
    const maker = t.chunk.constant(`trec([${rec.map(jsString).join(", ")}])`);
    return [maker, "(", join(n.fields.map((f) => expr(f.value, t)), ", "), ")"];
  }
  const pos: L.Expression[] = [];
  const kv: Frag[] = [];
  n.fields.forEach((f) => {
    if (f.type === "TableValue") pos.push(f.value);
    else if (f.type === "TableKeyString") kv.push(jsString(f.key.name), expr(f.value, t));
    else kv.push(expr(f.key, t), expr(f.value, t));
  });
  // a positional multi-valued expression only expands when it is the last field
  const last = n.fields[n.fields.length - 1];
  // (no positional values: no array for them, as the table shares one empty array part)
  const arr =
    last && last.type === "TableValue"
      ? arrayFrag(pos, t)
      : pos.length === 0 ? "undefined" : ["[", join(pos.map((p) => expr(p, t)), ", "), "]"];
  if (n.fields.length === 0) return "tnew()";
  if (kv.length === 0) return ["tnew(", arr, ")"];
  return [new Mark(lineOf(n), ""), "tnew(", arr, ", [", join(kv, ", "), "])"];
}

/** The keys of a record constructor `{a = x, b = y}`: only name keys, all distinct, a few. */
function recordKeys(n: L.TableConstructorExpression): string[] | null {
  if (n.fields.length === 0 || n.fields.length > 24) return null;
  const keys: string[] = [];
  for (const f of n.fields) {
    if (f.type !== "TableKeyString" || keys.includes(f.key.name)) return null;
    keys.push(f.key.name);
  }
  return keys;
}

/** A constructor with keyed fields before positional ones: every field expression evaluated
 *  in source order into one array ($q<depth>), then the table built from its slots. */
function orderedTableExpr(n: L.TableConstructorExpression, t: T): Frag {
  const items: Frag[] = [];
  const pos: string[] = [];
  const kv: string[] = [];
  let tail = -1;
  const x = atNextDepth(t, (d) => {
    const x = `$q${d}`;
    n.fields.forEach((f, i) => {
      const at = items.length;
      if (f.type !== "TableValue") {
        items.push(f.type === "TableKeyString" ? jsString(f.key.name) : expr(f.key, t), expr(f.value, t));
        kv.push(`${x}[${at}]`, `${x}[${at + 1}]`);
      } else if (i === n.fields.length - 1 && isMulti(f.value, t)) {
        items.push(["...", multiFrag(f.value, t)]);
        tail = at;
      } else {
        items.push(expr(f.value, t));
        pos.push(`${x}[${at}]`);
      }
    });
    return x;
  });
  if (tail >= 0) pos.push(`...${x}.slice(${tail})`);
  return [new Mark(lineOf(n), ""), "((", x, " = [", join(items, ", "), "]), tnew([", pos.join(", "), "], [", kv.join(", "), "]))"];
}
