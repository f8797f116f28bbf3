// Compile-time state: lexical scopes, the function being compiled, and per-chunk data.
import type * as L from "./parser/ast.js";
import { CompileError } from "./diagnostics.js";

export interface LocalVar {
  kind: "local";
  name: string;
  js: string;
  attrib: string; // "", "const", "close", "for" (5.5: read-only loop variable)
  fn: FuncState;
  /** a <const> whose value Lua knows at compile time (it then names it in error messages
   *  as a constant, not a variable: see transform/constants.ts compileTimeConstant) */
  ctc?: CompileTimeConstant;
  /** what is known of the value of a local that is never assigned after its declaration
   *  (see transform/numkind.ts): its kind, and its value when declared with a literal */
  numKind?: import("./transform/numkind.js").NumKind;
  numValue?: import("../runtime-lib/core/numbers.js").LuaNumber;
}

export type CompileTimeConstant =
  | { kind: "string"; s: string }
  | { kind: "number"; v: import("../runtime-lib/core/numbers.js").LuaNumber }
  | { kind: "value" };

export interface GlobalName {
  kind: "global";
  name: string;
  attrib: string;
}

export type Binding = LocalVar | GlobalName;

export class Scope {
  vars = new Map<string, Binding>();
  /** a `global *` declaration in this scope (its attribute), if any */
  wildcard: string | null = null;
  /** a `global name` declaration was seen: free names must be declared from here on */
  strict = false;
  constructor(
    readonly parent: Scope | null,
    readonly fn: FuncState,
  ) {}
}

export class FuncState {
  /** JS name of the function (for its own tail calls and tracebacks) */
  jsName: string;
  isVararg = false;
  /** the function is wrapped in a loop so self tail calls reuse the frame */
  tailLoop = false;
  /** JS names of the raw parameters when tailLoop is on */
  rawParams: string[] = [];
  /** the last call of a restartable function (transform/restartable.ts), whose plain code
   *  checks its callee when the function runs as a probe */
  probeCall: L.Node | null = null;
  /** nesting depth of to-be-closed variables at the current point */
  closeDepth = 0;
  /** a plain function that can tell when pcall called it (`$d`, set up by its first
   *  statement): its `error(...)` statements outside any try then return the error to pcall
   *  instead of throwing it; `returnsErrors` once one does */
  canReturnErrors = false;
  returnsErrors = false;
  /** innermost Lua loop labels */
  loops: string[] = [];
  /** nesting depth of inline arithmetic while emitting, and the deepest reached: each depth
   *  has its own operand temporaries ($p0, $q0, $r0, ...) */
  arithDepth = 0;
  arithMax = 0;

  /** Declarations of the function's temporaries, emitted once its body is done. */
  tempDecls(): string {
    const names = ["$t", "$o", "$a", "$i", "$v", "$w", "$k", "$x"];
    for (let d = 0; d < this.arithMax; d++) names.push(`$p${d}`, `$q${d}`, `$r${d}`);
    // (var, not let: V8 gives a function's registers undefined on entry, while `let x;`
    // is an explicit store per name at every call, paid by code the interpreter runs)
    return `var ${names.join(", ")};\n`;
  }
  constructor(
    readonly parent: FuncState | null,
    jsName: string,
    /** generator code: the twin run inside coroutines, or a function created there */
    readonly gen = false,
    /** the JS name bound to the Lua function value (for self tail calls), if any */
    readonly selfValue: string | null = jsName,
  ) {
    this.jsName = jsName;
  }
}

export interface ResolvedName {
  binding: Binding | null; // null: a free name (global through _ENV)
  upvalue: boolean;
}

export class ChunkCtx {
  private uid = 0;
  /** hoisted constants (boxed floats, big integers) */
  consts: string[] = [];
  private constIndex = new Map<string, string>();
  /** JS function name → Lua description, for tracebacks */
  fnames = new Map<string, string>();
  constructor(
    readonly chunkname: string,
    /** names assigned anywhere in the chunk (transform/numkind.ts assignedNames) */
    readonly assigned: Set<string>,
    /** the kinds of assigned locals, by declaring node (transform/numinfer.ts) */
    readonly inferred: Map<import("./parser/ast.js").Identifier, import("./transform/numkind.js").NumKind>,
    /** a tag of the chunk's source, in its functions' JS names: tracebacks find a function
     *  by its JS name (runtime-lib/traceback.ts), so those differ between chunks */
    readonly fnTag = "",
  ) {}

  id(): number {
    return ++this.uid;
  }

  /** The JS name of a Lua function's JS function. */
  fnId(name: string): string {
    return this.jsId(name) + this.fnTag;
  }

  jsId(name: string): string {
    return `${name.replace(/[^A-Za-z0-9_]/g, "_")}$${this.id()}`;
  }

  constant(expr: string): string {
    let k = this.constIndex.get(expr);
    if (k === undefined) {
      k = `$K${this.consts.length}`;
      this.consts.push(`${k} = ${expr}`);
      this.constIndex.set(expr, k);
    }
    return k;
  }

  isParenthesized(node: L.Expression): boolean {
    return node.inParens === true;
  }
}

export function rangeOf(node: L.Node): [number, number] {
  return (node as unknown as { range: [number, number] }).range;
}

export function lineOf(node: L.Node): number {
  return node.loc?.start.line ?? 0;
}

export function resolve(scope: Scope, name: string, line: number): ResolvedName {
  let strict = false;
  for (let s: Scope | null = scope; s; s = s.parent) {
    const b = s.vars.get(name);
    if (b) return { binding: b, upvalue: b.kind === "local" && b.fn !== scope.fn };
    if (s.wildcard !== null) return { binding: { kind: "global", name, attrib: s.wildcard }, upvalue: false };
    if (s.strict) strict = true;
  }
  if (strict) throw new CompileError(`variable '${name}' not declared`, line);
  return { binding: null, upvalue: false };
}
