// Calls. A Lua call compiles to a direct JS call of the callee when it is a function, or of
// what `callable` makes of it (__call); the raw result may be a Multi (see multi.ts).
// Marks at `callable` and at the argument list let errors and tracebacks name the callee.
import type * as L from "luaparse";
import { Frag, Mark, join } from "../frag.js";
import { lineOf } from "../context.js";
import { T } from "./state.js";
import { describe, expr, exprList, jsString, propAccess } from "./expressions.js";

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

/** `(typeof f === "function" ? f : callable(f))` for a callee JS expression. */
export function calleeFrag(callee: Frag, desc: string, line: number): Frag {
  const mark = new Mark(line, "c" + desc);
  if (typeof callee === "string" && SIMPLE.test(callee))
    return ["(typeof ", callee, ' === "function" ? ', callee, " : ", mark, "callable(", callee, "))"];
  return ['(typeof ($t = ', callee, ') === "function" ? $t : ', mark, "callable($t))"];
}

export function callExpr(n: L.Expression, t: T): Frag {
  const c = n as AnyCall;
  const line = lineOf(c);
  const args = callArgs(c);
  const base = c.base;
  if (base.type === "MemberExpression" && base.indexer === ":") {
    const obj = expr(base.base, t);
    const name = jsString(base.identifier.name);
    const idxMark = new Mark(line, "i" + describe(base.base, t));
    const simple = typeof obj === "string" && SIMPLE.test(obj);
    const self = simple ? obj : "$o";
    // inline: the object's own field, or the field of its metatable's __index table (the
    // usual class layout), as monomorphic property loads; anything else goes through indexS
    const prop = propAccess(base.identifier.name);
    const lookup: Frag = [
      "((", simple ? obj : ["$o = ", obj], ") instanceof LuaTable && (($v = ", self, ".s", prop, ") !== undefined || ",
      self, ".sm === null && ", self, ".mt !== null && ($v = ", self, ".mt.s.__index) instanceof LuaTable && ($v = $v.s", prop, ") !== undefined) ? $v : ",
      idxMark, "indexS(", self, ", ", name, "))",
    ];
    return [
      '(typeof ($t = ', lookup, ') === "function" ? $t : ', new Mark(line, "c" + describe(base, t)), "callable($t))",
      new Mark(line, "C" + describe(base, t)), "(", argsFrag(args, t, [self]), ")",
    ];
  }
  const callee = expr(base, t);
  return [calleeFrag(callee, describe(base, t), line), new Mark(line, "C" + describe(base, t)), "(", argsFrag(args, t), ")"];
}
