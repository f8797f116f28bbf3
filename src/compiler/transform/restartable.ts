// Restartable functions: a Lua function whose body makes no calls, has no loops and
// changes nothing but its own locals. Generator code may run such a function plainly
// instead of through its generator twin (see runtime-lib/core/coro.ts): the only way it
// could yield is through a metamethod of one of its operators, and when one is about to be
// called the plain run is abandoned and the call restarted as the generator. Nothing it did
// before that point can be seen (it only read, computed and wrote its own locals), and no
// loop runs before it, so at most one straight pass through the body is wasted.
import type * as L from "../parser/ast.js";

/** Can `n` (with the implicit `self` for a method) be run plainly and restarted? */
export function isRestartable(n: L.FunctionDeclaration, method: boolean): boolean {
  const scopes: Set<string>[] = [new Set(method ? ["self"] : [])];
  for (const p of n.parameters) if (p.type === "Identifier" && p.name !== undefined) scopes[0].add(p.name);
  return block(n.body, scopes);
}

function block(body: L.Statement[], scopes: Set<string>[]): boolean {
  scopes.push(new Set());
  try {
    return body.every((s) => statement(s, scopes));
  } finally {
    scopes.pop();
  }
}

function isOwnLocal(name: string | undefined, scopes: Set<string>[]): boolean {
  return name !== undefined && scopes.some((s) => s.has(name));
}

function statement(s: L.Statement, scopes: Set<string>[]): boolean {
  switch (s.type) {
    case "LocalStatement":
      if (s.attribs.includes("close") || !s.init.every(pure)) return false;
      for (const v of s.variables) if (v.name !== undefined) scopes[scopes.length - 1].add(v.name);
      return true;
    case "AssignmentStatement":
      return s.init.every(pure) && s.variables.every((v) => v.type === "Identifier" && isOwnLocal(v.name, scopes));
    case "ReturnStatement":
      return s.arguments.every(pure);
    case "IfStatement":
      return s.clauses.every((c) => (c.type === "ElseClause" || pure(c.condition)) && block(c.body, scopes));
    case "DoStatement":
      return block(s.body, scopes);
    default:
      // calls, loops, gotos (which can loop), nested functions, global declarations
      return false;
  }
}

/** An expression that reads and computes only: no calls, no functions created. */
function pure(e: L.Expression): boolean {
  switch (e.type) {
    case "Identifier":
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
    case "NilLiteral":
    case "VarargLiteral":
      return true;
    case "BinaryExpression":
    case "LogicalExpression":
      return pure(e.left) && pure(e.right);
    case "UnaryExpression":
      return pure(e.argument);
    case "MemberExpression":
      return pure(e.base);
    case "IndexExpression":
      return pure(e.base) && pure(e.index);
    case "TableConstructorExpression":
      return e.fields.every((f) => pure(f.value) && (f.type !== "TableKey" || pure(f.key)));
    default:
      return false;
  }
}
