// Restartable functions: a Lua function whose body makes no calls, has no loops and
// changes nothing but its own locals — save perhaps for one call as its last statement
// (`f(x)`, or `return lib.f(x)`) with such arguments. Generator code may run it plainly instead
// of through its generator twin (see runtime-lib/core/coro.ts): the only ways it could
// yield are a metamethod of one of its operators and that last call, and when one of them
// might, the plain run is abandoned before it happens and the call restarted as the
// generator. Nothing it did before that point can be seen (it only read, computed and set
// its own locals), and no loop runs before it, so at most one straight pass through the
// body is wasted. The last call, when its callee is a builtin that cannot yield, runs as
// generator code would run it; after it there is only the return.
import type * as L from "../parser/ast.js";

export type AnyCall = L.CallExpression | L.StringCallExpression | L.TableCallExpression;

export interface Restartable {
  /** the call in last position, whose plain code checks its callee in a probe */
  lastCall: AnyCall | null;
}

/** Can `n` (with the implicit `self` for a method; `selfName` the name it is bound to) be
 *  run plainly and restarted? */
export function restartable(n: L.FunctionDeclaration, method: boolean, selfName?: string): Restartable | null {
  const scopes: Set<string>[] = [new Set(method ? ["self"] : [])];
  for (const p of n.parameters) if (p.type === "Identifier" && p.name !== undefined) scopes[0].add(p.name);
  const body = n.body;
  const last = body.length > 0 ? finalCall(body[body.length - 1]) : null;
  // (a call of the function itself by its name may become a loop: functions.ts tailLoop;
  // `select` may read the varargs directly: calls.ts selectCall)
  if (last !== null && last.base.type === "Identifier" && (last.base.name === selfName || last.base.name === "select")) return null;
  const rest = last !== null ? body.slice(0, -1) : body;
  scopes.push(new Set());
  if (!rest.every((s) => statement(s, scopes))) return null;
  if (last !== null && !(pure(last.base) && callArgs(last).every(pure))) return null;
  return { lastCall: last };
}

function finalCall(s: L.Statement): AnyCall | null {
  if (s.type === "CallStatement") return s.expression;
  if (s.type === "ReturnStatement" && s.arguments.length === 1 && isCall(s.arguments[0])) {
    const c = s.arguments[0] as AnyCall;
    // a tail call of a function by name or of a method may be deep (mutual) recursion, whose
    // JS frames the probe would make larger (a million levels no longer fit the stack):
    // only a library function's (`return math.floor(x)`) qualifies
    const b = c.base;
    return b.type === "MemberExpression" && b.indexer === "." && b.base.type === "Identifier" ? c : null;
  }
  return null;
}

function isCall(e: L.Expression): boolean {
  return e.type === "CallExpression" || e.type === "StringCallExpression" || e.type === "TableCallExpression";
}

function callArgs(c: AnyCall): L.Expression[] {
  if (c.type === "CallExpression") return c.arguments;
  if (c.type === "StringCallExpression") return [c.argument];
  return [c.arguments];
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
