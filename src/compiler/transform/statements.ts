// Statements: locals, assignments (Lua's evaluation order: targets' objects and keys, then
// values, then stores from right to left), calls, function declarations, returns, branches.
import type * as L from "../parser/ast.js";
import { Frag, Mark, join } from "../frag.js";
import { LocalVar, lineOf, rangeOf, resolve } from "../context.js";
import { CompileError, diag } from "../diagnostics.js";
import { T, withScope } from "./state.js";
import { compileTimeConstant } from "./constants.js";
import { cond, describe, envFrag, expr, isMulti, jsString, multiFrag, propAccess, strValue } from "./expressions.js";
import { calleeFrag, callArgs, callExpr, callInfo, errorStatement, resultsFrag } from "./calls.js";
import { funcExpr } from "./functions.js";
import { block, currentBlock, findLabel } from "./blocks.js";
import { forGeneric, forNumeric, repeatLoop, whileLoop } from "./loops.js";
import { genResult, slowOp } from "./gen.js";
import { literalValue, numKind } from "./numkind.js";

export { block };

type Visitor = (n: any, t: T) => Frag;

export function endsWithReturn(stmts: L.Statement[]): boolean {
  const last = stmts[stmts.length - 1];
  return last !== undefined && last.type === "ReturnStatement";
}

export function declareLocal(t: T, name: string, attrib = ""): LocalVar {
  const v: LocalVar = { kind: "local", name, js: t.chunk.jsId(name), attrib, fn: t.fn };
  t.scope.vars.set(name, v);
  return v;
}

/** `let a = x, b = y;` — or plain assignments when the block hoists its locals. */
function letFrag(t: T, names: string[], values: Frag[]): Frag {
  const hoist = currentBlock(t).hoist;
  if (hoist) {
    hoist.push(...names);
    return names.map((n, i) => [n, " = ", values[i] ?? "undefined", ";\n"]);
  }
  return ["let ", join(names.map((n, i) => (values[i] !== undefined ? [n, " = ", values[i]] : n)), ", "), ";\n"];
}

/** What is known of the i-th variable of a local statement: for one the chunk never
 *  assigns, its value is the i-th expression's (evaluated in the scope before the
 *  declaration); for an assigned one, the kind all its values have (numinfer.ts). */
function localFact(n: L.LocalStatement, i: number, t: T): Pick<LocalVar, "numKind" | "numValue"> {
  const e = n.init[i];
  if (e === undefined || n.attribs[i] === "close") return {};
  if (t.chunk.assigned.has(n.variables[i].name)) {
    const kind = t.chunk.inferred.get(n.variables[i]);
    return kind === undefined ? {} : { numKind: kind };
  }
  const kind = numKind(e, t);
  if (kind === null) return {};
  const value = literalValue(e);
  return value === undefined ? { numKind: kind } : { numKind: kind, numValue: value };
}

function localStatement(n: L.LocalStatement, t: T): Frag {
  const line = lineOf(n);
  const attribs = n.attribs;
  if (attribs.filter((a) => a === "close").length > 1)
    throw new CompileError("multiple to-be-closed variables in local list", line);
  const out: Frag[] = [new Mark(line, "")];
  const nvars = n.variables.length;
  let values: Frag[] = [];
  if (n.init.length > 0) {
    const last = n.init[n.init.length - 1];
    if (isMulti(last, t) && n.init.length < nvars) {
      // every expression but the last gives one value (a call here is truncated to one)
      const items = n.init.slice(0, -1).map((e) => expr(e, t));
      const m = t.chunk.jsId("m");
      const pre = items.map((it) => {
        const tmp = t.chunk.jsId("v");
        out.push(["const ", tmp, " = ", it, ";\n"]);
        return tmp;
      });
      out.push(["const ", m, " = ", multiFrag(last, t), ";\n"]);
      values = [...pre];
      for (let i = pre.length; i < nvars; i++) values.push(`${m}[${i - pre.length}]`);
    } else if (n.init.length > nvars) {
      // the extra expressions still run, after the kept ones
      n.init.forEach((e, i) => {
        if (i >= nvars) return out.push([expr(e, t), ";\n"]);
        const tmp = t.chunk.jsId("v");
        out.push(["const ", tmp, " = ", expr(e, t), ";\n"]);
        values.push(tmp);
      });
    } else values = n.init.map((e) => expr(e, t));
  }
  // only the last variable can be a compile-time constant, and only without adjustment
  const ctc =
    attribs[nvars - 1] === "const" && n.init.length === nvars ? compileTimeConstant(n.init[nvars - 1], t.scope) : null;
  const facts = n.variables.map((v, i) => localFact(n, i, t));
  const vars = n.variables.map((v, i) => declareLocal(t, v.name, attribs[i]));
  if (ctc) vars[nvars - 1].ctc = ctc;
  vars.forEach((v, i) => Object.assign(v, facts[i]));
  out.push(letFrag(t, vars.map((v) => v.js), values));
  vars.forEach((v) => {
    if (v.attrib === "close") out.push([new Mark(line, ""), `closable(${v.js}, ${jsString(v.name)});\n`]);
  });
  return out;
}

/** `obj.key = value` as a statement: the raw store inline when obj is a table without
 *  __newindex with its own string part and value is neither nil nor a value its string part
 *  keeps aside (an integral float, a NaN: see plainField in runtime-lib/core/table.ts);
 *  otherwise setindexS (metamethods, deletion, errors). */
function fieldSet(obj: Frag, key: string, value: Frag, mark: Mark, t: T): Frag {
  return [
    "$w = ", obj, ";\n$x = ", value, ";\n",
    "if ($w instanceof LuaTable && $x !== undefined && $x === $x && !($x instanceof LFloat) && $w.sm === null && $w.s !== LuaTable.S0 && ($w.mt === null || $w.mt.sm === null && $w.mt.s.__newindex === undefined)) $w.s",
    propAccess(key), " = $x;\nelse ", slowOp(t, mark, "setindexS", ["$w", jsString(key), "$x"], ""), ";\n",
  ];
}

/** `obj[key] = value` as a statement: the raw store inline when obj is a table whose array
 *  part already holds a value at key (no metamethod applies to a key with a value) and value
 *  is not nil; otherwise setindex (appends, the hash part, metamethods, deletion, errors). */
function indexSet(obj: Frag, key: Frag, value: Frag, mark: Mark, t: T): Frag {
  return [
    "$w = ", obj, ";\n$k = ", key, ";\n$x = ", value, ";\n",
    'if ($w instanceof LuaTable && typeof $k === "number" && $x !== undefined && $w.arr[$k - 1] !== undefined) $w.arr[$k - 1] = $x;\n',
    "else ", slowOp(t, mark, "setindex", ["$w", "$k", "$x"], ""), ";\n",
  ];
}

/** The store of a value into an assignment target. */
function storeFrag(target: L.Expression, value: Frag, t: T, pre?: Frag[]): Frag {
  const line = lineOf(target);
  if (target.type === "Identifier") {
    const r = resolve(t.scope, target.name, line);
    if (r.binding && r.binding.attrib !== "") {
      if (r.binding.attrib === "const" || r.binding.attrib === "close" || r.binding.attrib === "for")
        throw diag.constAssign(target.name, line);
    }
    if (r.binding && r.binding.kind === "local") return [r.binding.js, " = ", value, ";\n"];
    return fieldSet(envFrag(t, line), target.name, value, new Mark(line, "i" + "upvalue '_ENV'"), t);
  }
  const mark = new Mark(line, "i" + describe((target as L.MemberExpression).base, t));
  if (pre) {
    // object (and key) were evaluated beforehand into pre[0] (and pre[1])
    if (target.type === "MemberExpression") return fieldSet(pre[0], target.identifier.name, value, mark, t);
    return indexSet(pre[0], pre[1], value, mark, t);
  }
  if (target.type === "MemberExpression") return fieldSet(expr(target.base, t), target.identifier.name, value, mark, t);
  const ix = target as L.IndexExpression;
  if (ix.index.type === "StringLiteral") return fieldSet(expr(ix.base, t), strValue(ix.index), value, mark, t);
  return indexSet(expr(ix.base, t), expr(ix.index, t), value, mark, t);
}

function assignmentStatement(n: L.AssignmentStatement, t: T): Frag {
  const line = lineOf(n);
  const out: Frag[] = [new Mark(line, "")];
  if (n.variables.length === 1 && n.init.length === 1) {
    const v = n.init[0];
    out.push(storeFrag(n.variables[0], expr(v, t), t));
    return out;
  }
  // evaluate the targets' objects and keys, then the values, then store right to left
  const pres: (Frag[] | undefined)[] = n.variables.map((target) => {
    if (target.type === "Identifier") return undefined;
    const obj = t.chunk.jsId("o");
    out.push(["const ", obj, " = ", expr(target.base, t), ";\n"]);
    if (target.type === "MemberExpression") return [obj];
    const key = t.chunk.jsId("k");
    out.push(["const ", key, " = ", expr(target.index, t), ";\n"]);
    return [obj, key];
  });
  const nv = n.variables.length;
  const values: Frag[] = [];
  const last = n.init[n.init.length - 1];
  const multiTail = isMulti(last, t) && n.init.length < nv;
  n.init.forEach((e, i) => {
    if (multiTail && i === n.init.length - 1) return;
    const tmp = t.chunk.jsId("v");
    out.push(["const ", tmp, " = ", expr(e, t), ";\n"]);
    values.push(tmp);
  });
  if (multiTail) {
    const m = t.chunk.jsId("m");
    out.push(["const ", m, " = ", multiFrag(last, t), ";\n"]);
    for (let i = values.length, j = 0; i < nv; i++, j++) values.push(`${m}[${j}]`);
  }
  for (let i = nv - 1; i >= 0; i--) out.push(storeFrag(n.variables[i], values[i] ?? "undefined", t, pres[i]));
  return out;
}

function functionDeclaration(n: L.FunctionDeclaration, t: T): Frag {
  const line = lineOf(n);
  const id = n.identifier;
  if (n.isLocal && id && id.type === "Identifier") {
    const v = declareLocal(t, id.name);
    const f = funcExpr(n, t, `local '${id.name}'`, { selfName: id.name });
    const hoist = currentBlock(t).hoist;
    if (hoist) {
      hoist.push(v.js);
      return [new Mark(line, ""), v.js, " = ", f, ";\n"];
    }
    return [new Mark(line, ""), `let ${v.js};\n`, v.js, " = ", f, ";\n"];
  }
  if (!id) return [funcExpr(n, t, "function"), ";\n"];
  if (id.type === "Identifier") {
    const f = funcExpr(n, t, `function '${id.name}'`, { selfName: id.name });
    return [new Mark(line, ""), storeFrag(id, f, t)];
  }
  const mem = id as L.MemberExpression;
  const method = mem.indexer === ":";
  const path = memberPath(mem);
  const f = funcExpr(n, t, method ? `method '${mem.identifier.name}'` : `function '${path}'`, { method });
  return [new Mark(line, ""), fieldSet(expr(mem.base, t), mem.identifier.name, f, new Mark(line, "i" + describe(mem.base, t)), t)];
}

function memberPath(e: L.Expression): string {
  if (e.type === "Identifier") return e.name;
  if (e.type === "MemberExpression") return `${memberPath(e.base)}${e.indexer}${e.identifier.name}`;
  return "?";
}

function returnStatement(n: L.ReturnStatement, t: T): Frag {
  const mark = new Mark(lineOf(n), "");
  const args = n.arguments;
  const tail = args.length === 1 && isMulti(args[0], t) ? selfTailCall(args[0], t) : null;
  if (tail) return [mark, tail];
  // (with to-be-closed variables in scope a return's call is not a tail call)
  return [mark, "return ", resultsFrag(args, t, t.fn.closeDepth === 0), ";\n"];
}

/** `return f(args)` inside f itself: rebind the parameters and loop instead of calling. */
function selfTailCall(a: L.Expression, t: T): Frag | null {
  const fn = t.fn;
  if (!fn.tailLoop || fn.closeDepth > 0 || a.type !== "CallExpression" || a.base.type !== "Identifier") return null;
  const args = callArgs(a);
  if (args.length > 0 && isMulti(args[args.length - 1], t)) return null;
  const line = lineOf(a);
  const c = t.chunk.jsId("c");
  const xs = args.map(() => t.chunk.jsId("x"));
  const decls: Frag[] = [[c, " = ", expr(a.base, t)], ...args.map((e, i) => [xs[i], " = ", expr(e, t)])];
  const rebinds = fn.rawParams.map((p, i) => `${p} = ${xs[i] ?? "undefined"}; `).join("");
  const desc = describe(a.base, t);
  const info = callInfo(desc, true);
  const call: Frag = fn.gen
    ? genResult([new Mark(line, info), "cg(", [c, ...xs].join(", "), ")"], line, "", info)
    : [calleeFrag(c, desc, line), new Mark(line, info), "(", xs.join(", "), ")"];
  return [
    "{\nconst ", join(decls, ", "), ";\n",
    `if (${c} === ${fn.selfValue}) { ${rebinds}continue $tail; }\n`,
    "return ", call, ";\n}\n",
  ];
}

function ifStatement(n: L.IfStatement, t: T): Frag {
  const out: Frag[] = [];
  n.clauses.forEach((c, i) => {
    const body = withScope(t, () => block(c.body, t));
    if (c.type === "ElseClause") out.push(" else {\n", body, "}");
    else out.push(i > 0 ? " else if (" : "if (", new Mark(lineOf(c), ""), cond(c.condition, t), ") {\n", body, "}");
  });
  out.push("\n");
  return [new Mark(lineOf(n), ""), out];
}

function gotoStatement(n: L.GotoStatement, t: T): Frag {
  const name = n.label.name;
  const l = findLabel(t, name);
  if (!l) throw diag.noLabel(name, lineOf(n), lineOf(n));
  if (l.sm) return `{ ${l.sm.state} = ${l.sm.n}; continue ${l.sm.loop}; }\n`;
  const start = rangeOf(n)[0];
  if (start < l.start) return `break ${l.fwd};\n`;
  return `continue ${l.back};\n`;
}

function breakStatement(n: L.BreakStatement, t: T): Frag {
  const loop = t.fn.loops[t.fn.loops.length - 1];
  if (!loop) throw diag.breakOutside(lineOf(n));
  return `break ${loop};\n`;
}

const visitors: Record<L.Statement["type"], Visitor> = {
  LocalStatement: localStatement,
  AssignmentStatement: assignmentStatement,
  CallStatement: (n: L.CallStatement, t) => [new Mark(lineOf(n), ""), errorStatement(n, t) ?? [callExpr(n.expression, t), ";\n"]],
  FunctionDeclaration: functionDeclaration,
  ReturnStatement: returnStatement,
  IfStatement: ifStatement,
  WhileStatement: whileLoop,
  RepeatStatement: repeatLoop,
  DoStatement: (n: L.DoStatement, t) => ["{\n", withScope(t, () => block(n.body, t, undefined, n.loc?.end.line)), "}\n"],
  ForNumericStatement: forNumeric,
  ForGenericStatement: forGeneric,
  BreakStatement: breakStatement,
  GotoStatement: gotoStatement,
  LabelStatement: () => "",
  GlobalStatement: (n: L.GlobalStatement, t) =>
    n.init.length === 0
      ? ""
      : assignmentStatement({ type: "AssignmentStatement", variables: n.variables, init: n.init, loc: n.loc, range: n.range }, t),
};

export function stmt(n: L.Statement, t: T): Frag {
  return visitors[n.type](n, t);
}

