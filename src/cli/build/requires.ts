// Finding the modules a chunk requires: calls of the global `require` with a literal string
// (`require "x"`, `require("x")`, `require [[x]]`), found by walking the syntax tree of our
// own parser. Scopes are followed: a local initialised with the global (`local require =
// require`, `local req = require`) is followed as well, a call of any other local named
// `require` (or of any name while a local `_ENV` is in scope) is not one. Other requires
// are left to run time.
import type * as A from "../../compiler/parser/ast.js";

/** A literal require: the module name and the line of the call. */
export interface RequireSite {
  name: string;
  line: number;
}

/** What a name declared in a block is: a local, a local holding the global `require`, or a
 *  Lua 5.5 `global` declaration. */
type Kind = "local" | "require" | "global";

interface Scope {
  vars: Map<string, Kind>;
  up: Scope | null;
}

const child = (up: Scope): Scope => ({ vars: new Map(), up });

function lookup(s: Scope | null, name: string): Kind {
  for (; s; s = s.up) {
    const v = s.vars.get(name);
    if (v !== undefined) return v;
  }
  return "global";
}

/** Whether `e` is the global `require` (or a local that holds it). */
function isRequire(e: A.Expression | undefined, s: Scope): boolean {
  if (e?.type !== "Identifier") return false;
  const k = lookup(s, e.name);
  return k === "require" || (k === "global" && e.name === "require" && lookup(s, "_ENV") === "global");
}

export function findRequires(chunk: A.Chunk): RequireSite[] {
  const found: RequireSite[] = [];

  function block(body: A.Statement[], s: Scope): void {
    for (const st of body) statement(st, s);
  }

  function fn(f: A.FunctionDeclaration, up: Scope): void {
    const s = child(up);
    for (const p of f.parameters) {
      if (p.type === "Identifier") s.vars.set(p.name, "local");
      else if (p.name !== undefined) s.vars.set(p.name, "local");
    }
    block(f.body, s);
  }

  function statement(st: A.Statement, s: Scope): void {
    switch (st.type) {
      case "LocalStatement":
        st.init.forEach((e) => expr(e, s));
        st.variables.forEach((v, i) => s.vars.set(v.name, isRequire(st.init[i], s) ? "require" : "local"));
        return;
      case "AssignmentStatement":
        st.variables.forEach((e) => expr(e, s));
        st.init.forEach((e) => expr(e, s));
        return;
      case "CallStatement":
        return expr(st.expression, s);
      case "FunctionDeclaration":
        if (st.isLocal && st.identifier?.type === "Identifier") s.vars.set(st.identifier.name, "local");
        else if (st.identifier) expr(st.identifier, s);
        return fn(st, s);
      case "ReturnStatement":
        return st.arguments.forEach((e) => expr(e, s));
      case "IfStatement":
        for (const c of st.clauses) {
          if (c.type !== "ElseClause") expr(c.condition, s);
          block(c.body, child(s));
        }
        return;
      case "WhileStatement":
        expr(st.condition, s);
        return block(st.body, child(s));
      case "DoStatement":
        return block(st.body, child(s));
      case "RepeatStatement": {
        // the condition sees the body's locals
        const inner = child(s);
        block(st.body, inner);
        return expr(st.condition, inner);
      }
      case "ForNumericStatement": {
        [st.start, st.end, st.step].forEach((e) => e && expr(e, s));
        const inner = child(s);
        inner.vars.set(st.variable.name, "local");
        return block(st.body, inner);
      }
      case "ForGenericStatement": {
        st.iterators.forEach((e) => expr(e, s));
        const inner = child(s);
        for (const v of st.variables) inner.vars.set(v.name, "local");
        return block(st.body, inner);
      }
      case "GlobalStatement":
        st.init.forEach((e) => expr(e, s));
        if (!st.wildcard) for (const n of st.names) s.vars.set(n, "global");
        return;
      default:
        // labels, goto, break
        return;
    }
  }

  function expr(e: A.Expression, s: Scope): void {
    if (e.type === "FunctionDeclaration") return fn(e, s);
    if (e.type === "CallExpression" || e.type === "StringCallExpression") {
      const arg = e.type === "CallExpression" ? e.arguments[0] : e.argument;
      if (arg?.type === "StringLiteral" && isRequire(e.base, s)) found.push({ name: arg.value, line: e.loc.start.line });
    }
    // every other expression declares nothing: visit its sub-expressions
    for (const v of Object.values(e)) {
      if (Array.isArray(v)) v.forEach((x) => visit(x, s));
      else visit(v, s);
    }
  }

  function visit(v: unknown, s: Scope): void {
    if (typeof v !== "object" || v === null || typeof (v as { type?: unknown }).type !== "string") return;
    const n = v as A.Node;
    // table fields hold expressions; a field's name (TableKeyString.key) is no variable
    if (n.type === "TableKey") return (expr(n.key, s), expr(n.value, s));
    if (n.type === "TableKeyString" || n.type === "TableValue") return expr(n.value, s);
    expr(n as A.Expression, s);
  }

  block(chunk.body, { vars: new Map(), up: null });
  return found;
}
