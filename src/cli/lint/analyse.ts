// The lint pass over a parsed chunk: resolves every name as the compiler does (scopes.ts)
// and reports, with positions, the compile-time errors the compiler's transform would raise
// after parsing (assignment to a const, `<close>` or loop variable; a free name after a
// `global name` declaration; two `<close>` variables in one `local`) and the warnings of `assay check --warnings`: assignment to an undeclared global (not a standard
// global or builtin, not declared with `global`), unused locals, shadowed locals. Names
// starting with "_" are never warned about (the Lua convention for "ignored": `_ = f()`).
import type * as L from "../../compiler/parser/ast.js";
import { Diagnostic, lintDiag } from "./diagnostics.js";
import { Binding, BindingKind, LintScope, resolveName, visibleLocal } from "./scopes.js";

interface Walk {
  scope: LintScope;
  /** names a script may assign without a warning: standard globals and builtins */
  known: ReadonlySet<string>;
  out: Diagnostic[];
  /** a block has both labels and a `<close>` variable: only the compiler can tell whether
   *  it supports that block (transform/blocks.ts) */
  needsCompiler: boolean;
}

export interface Analysis {
  diagnostics: Diagnostic[];
  needsCompiler: boolean;
}

type StatementVisitors = { [K in L.Statement["type"]]: (n: Extract<L.Statement, { type: K }>, w: Walk) => void };
type ExpressionVisitors = { [K in L.Expression["type"]]: (n: Extract<L.Expression, { type: K }>, w: Walk) => void };

export function analyse(chunk: L.Chunk, known: ReadonlySet<string>): Analysis {
  const top = new LintScope(null);
  top.declare("param", { name: "_ENV", loc: chunk.loc }).used = true;
  const w: Walk = { scope: new LintScope(top), known, out: [], needsCompiler: false };
  block(chunk.body, w);
  closeScope(w.scope, w);
  return { diagnostics: w.out, needsCompiler: w.needsCompiler };
}

// ---------------------------------------------------------------- scopes

function withScope(w: Walk, body: () => void): void {
  const scope = new LintScope(w.scope);
  w.scope = scope;
  body();
  closeScope(scope, w);
  w.scope = scope.parent!;
}

function closeScope(scope: LintScope, w: Walk): void {
  for (const b of scope.declared) {
    if (b.used || b.name.startsWith("_") || (b.kind !== "local" && b.kind !== "function")) continue;
    w.out.push(lintDiag.unusedLocal(b.name, b.kind === "function" ? "function" : "local", b.line, b.col));
  }
}

function declare(w: Walk, kind: BindingKind, id: L.Identifier, attrib = ""): Binding {
  const prev = id.name.startsWith("_") ? null : visibleLocal(w.scope, id.name);
  if (prev) w.out.push(lintDiag.shadowedLocal(id.name, prev.line, id.loc.start.line, id.loc.start.column + 1));
  const b = w.scope.declare(kind, id, attrib);
  // a to-be-closed variable is used by its closing
  if (attrib === "close") b.used = true;
  return b;
}

/** A 5.5 `global` declaration takes effect where its statement starts (as in blocks.ts). */
function applyGlobal(names: L.Identifier[], attribs: string[], wildcard: boolean, w: Walk): void {
  if (wildcard) {
    w.scope.wildcard = attribs[0] ?? "";
    return;
  }
  names.forEach((id, i) => (w.scope.declare("global", id, attribs[i] ?? "").used = true));
  w.scope.strict = true;
}

// ---------------------------------------------------------------- names

function read(id: L.Identifier, w: Walk): void {
  const r = resolveName(w.scope, id.name);
  if ("binding" in r) r.binding.used = true;
  else if (r.strict) w.out.push(lintDiag.notDeclared(id.name, id.loc.start.line, id.loc.start.column + 1));
}

function assign(id: L.Identifier, w: Walk): void {
  const line = id.loc.start.line;
  const col = id.loc.start.column + 1;
  const r = resolveName(w.scope, id.name);
  if ("binding" in r) {
    const a = r.binding.attrib;
    if (a === "const" || a === "close" || a === "for") w.out.push(lintDiag.constAssign(id.name, line, col));
  } else if (r.strict) w.out.push(lintDiag.notDeclared(id.name, line, col));
  else if (!w.known.has(id.name) && !id.name.startsWith("_")) w.out.push(lintDiag.globalAssign(id.name, line, col));
}

function target(t: L.Expression, w: Walk): void {
  if (t.type === "Identifier") assign(t, w);
  else expr(t, w);
}

// ---------------------------------------------------------------- functions

function functionBody(n: L.FunctionDeclaration, w: Walk): void {
  withScope(w, () => {
    if (n.identifier?.type === "MemberExpression" && n.identifier.indexer === ":")
      w.scope.declare("param", { name: "self", loc: n.identifier.loc }).used = true;
    for (const p of n.parameters) {
      if (p.type === "Identifier") declare(w, "param", p);
      else if (p.name !== undefined) declare(w, "param", { type: "Identifier", name: p.name, loc: p.loc, range: p.range });
    }
    block(n.body, w);
  });
}

function functionStatement(n: L.FunctionDeclaration, w: Walk): void {
  const id = n.identifier;
  if (n.isLocal && id?.type === "Identifier") {
    // `local function f`: f is in scope in its own body
    declare(w, "function", id);
    return functionBody(n, w);
  }
  if (n.isGlobal && id?.type === "Identifier") applyGlobal([id], [""], false, w);
  if (id?.type === "Identifier") assign(id, w);
  else if (id) expr(id.base, w);
  functionBody(n, w);
}

// ---------------------------------------------------------------- statements

function block(body: L.Statement[], w: Walk): void {
  if (body.some((s) => s.type === "LabelStatement") && body.some((s) => s.type === "LocalStatement" && s.attribs.includes("close")))
    w.needsCompiler = true;
  for (const s of body) (statements[s.type] as (n: L.Statement, w: Walk) => void)(s, w);
}

const exprs = (list: L.Expression[], w: Walk): void => list.forEach((e) => expr(e, w));

const statements: StatementVisitors = {
  LabelStatement: () => {},
  BreakStatement: () => {},
  GotoStatement: () => {},
  ReturnStatement: (n, w) => exprs(n.arguments, w),
  IfStatement: (n, w) => {
    for (const c of n.clauses) {
      if (c.type !== "ElseClause") expr(c.condition, w);
      withScope(w, () => block(c.body, w));
    }
  },
  WhileStatement: (n, w) => {
    expr(n.condition, w);
    withScope(w, () => block(n.body, w));
  },
  DoStatement: (n, w) => withScope(w, () => block(n.body, w)),
  // the condition sees the body's locals
  RepeatStatement: (n, w) =>
    withScope(w, () => {
      block(n.body, w);
      expr(n.condition, w);
    }),
  LocalStatement: (n, w) => {
    if (n.attribs.filter((a) => a === "close").length > 1) w.out.push(lintDiag.multipleClose(n.loc.start.line, n.loc.start.column + 1));
    exprs(n.init, w);
    n.variables.forEach((v, i) => declare(w, "local", v, n.attribs[i] ?? ""));
  },
  AssignmentStatement: (n, w) => {
    exprs(n.init, w);
    n.variables.forEach((t) => target(t, w));
  },
  CallStatement: (n, w) => expr(n.expression, w),
  FunctionDeclaration: functionStatement,
  ForNumericStatement: (n, w) => {
    exprs(n.step ? [n.start, n.end, n.step] : [n.start, n.end], w);
    withScope(w, () => {
      declare(w, "for", n.variable, "for");
      block(n.body, w);
    });
  },
  ForGenericStatement: (n, w) => {
    exprs(n.iterators, w);
    withScope(w, () => {
      // (5.5: only the control variable, the first, is read-only)
      n.variables.forEach((v, i) => declare(w, "for", v, i === 0 ? "for" : ""));
      block(n.body, w);
    });
  },
  GlobalStatement: (n, w) => {
    applyGlobal(n.variables, n.attribs, n.wildcard, w);
    if (n.init.length === 0) return;
    // (the compiler treats the initialisation as an assignment, const names included)
    exprs(n.init, w);
    n.variables.forEach((t) => assign(t, w));
  },
};

// ---------------------------------------------------------------- expressions

function expr(e: L.Expression, w: Walk): void {
  (expressions[e.type] as (n: L.Expression, w: Walk) => void)(e, w);
}

const leaf = (): void => {};

const expressions: ExpressionVisitors = {
  FunctionDeclaration: (n, w) => functionBody(n, w),
  Identifier: read,
  StringLiteral: leaf,
  NumericLiteral: leaf,
  BooleanLiteral: leaf,
  NilLiteral: leaf,
  VarargLiteral: leaf,
  TableConstructorExpression: (n, w) => {
    for (const f of n.fields) {
      if (f.type === "TableKey") expr(f.key, w);
      expr(f.value, w);
    }
  },
  BinaryExpression: (n, w) => exprs([n.left, n.right], w),
  LogicalExpression: (n, w) => exprs([n.left, n.right], w),
  UnaryExpression: (n, w) => expr(n.argument, w),
  MemberExpression: (n, w) => expr(n.base, w),
  IndexExpression: (n, w) => exprs([n.base, n.index], w),
  CallExpression: (n, w) => exprs([n.base, ...n.arguments], w),
  TableCallExpression: (n, w) => exprs([n.base, n.arguments], w),
  StringCallExpression: (n, w) => expr(n.base, w),
};
