// The kinds of numeric locals that are assigned after their declaration (a counter, an
// accumulator): before the chunk is compiled, every local is resolved and the values it is
// ever given (its initial value, each assignment) are collected; a local whose values are all
// numbers of a kind the compiler can tell (numkind.ts) holds that kind for its whole life,
// read anywhere, in closures too. The kinds are found as the least fixpoint over those values,
// so `local n = 0 ... n = n + 1` is known to be an integer. Names are resolved as Lua scopes
// them; anything not resolved to a local (a global, a field) is unknown.
import type * as L from "../parser/ast.js";
import { lineOf } from "../context.js";
import { NumKind, intOrFloat, kindOfValue, literalValue } from "./numkind.js";
import { parseNumeral } from "./constants.js";

/** A kind, or "none" before any value of the local has been seen (the fixpoint's start). */
type Kind = NumKind | "none";

interface Var {
  /** the expressions whose values the local is given */
  sources: L.Expression[];
  /** it is also given values whose kind is unknown (a call's result, nil, a parameter) */
  unknown: boolean;
  /** a kind known without its sources (a numeric for's control variable) */
  fixed?: NumKind;
  kind: Kind;
}

/** The kind of each local declared by a `local` statement whose values are all numbers of
 *  one kind, by its declaring Identifier node. */
export function inferLocalKinds(chunk: L.Chunk): Map<L.Identifier, NumKind> {
  const r = new Resolver();
  r.block(chunk.body);
  r.fixpoint();
  const out = new Map<L.Identifier, NumKind>();
  for (const [id, v] of r.declared) if (v.kind !== "none" && v.kind !== null) out.set(id, v.kind);
  return out;
}

const isMultiValued = (e: L.Expression): boolean =>
  !e.inParens && (e.type === "CallExpression" || e.type === "StringCallExpression" || e.type === "TableCallExpression" || e.type === "VarargLiteral");

class Resolver {
  /** innermost last; a name mapped to null is a declared global */
  private scopes: Map<string, Var | null>[] = [new Map()];
  private vars: Var[] = [];
  /** Identifier reads → the local they read (absent: a global) */
  private reads = new Map<L.Identifier, Var>();
  declared = new Map<L.Identifier, Var>();

  private lookup(name: string): Var | null {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i].get(name);
      if (v !== undefined) return v;
    }
    return null;
  }

  private declare(name: string, v: Partial<Var> = {}): Var {
    const full: Var = { sources: [], unknown: false, kind: "none", ...v };
    this.vars.push(full);
    this.scopes[this.scopes.length - 1].set(name, full);
    return full;
  }

  private scoped(f: () => void): void {
    this.scopes.push(new Map());
    try {
      f();
    } finally {
      this.scopes.pop();
    }
  }

  block(body: L.Statement[]): void {
    this.scoped(() => body.forEach((s) => this.statement(s)));
  }

  /** The value the i-th target of `targets = values` gets: an expression, or null when it is
   *  unknown (a multi-valued call's later values, or nil for a missing value). */
  private valueAt(values: L.Expression[], i: number): L.Expression | null {
    const last = values.length - 1;
    if (i < last) return values[i];
    if (i === last) return isMultiValued(values[i]) ? null : values[i];
    return null;
  }

  private statement(s: L.Statement): void {
    switch (s.type) {
      case "LocalStatement": {
        s.init.forEach((e) => this.expr(e));
        s.variables.forEach((id, i) => {
          const value = this.valueAt(s.init, i);
          const v = this.declare(id.name, value === null || s.attribs[i] === "close" ? { unknown: true } : { sources: [value] });
          this.declared.set(id, v);
        });
        return;
      }
      case "AssignmentStatement": {
        s.init.forEach((e) => this.expr(e));
        s.variables.forEach((target, i) => {
          if (target.type !== "Identifier") return this.expr(target);
          const v = this.lookup(target.name);
          if (v === null) return;
          const value = this.valueAt(s.init, i);
          if (value === null) v.unknown = true;
          else v.sources.push(value);
        });
        return;
      }
      case "GlobalStatement":
        s.init.forEach((e) => this.expr(e));
        for (const name of s.names) this.scopes[this.scopes.length - 1].set(name, null);
        return;
      case "CallStatement":
        return this.expr(s.expression);
      case "ReturnStatement":
        return s.arguments.forEach((e) => this.expr(e));
      case "IfStatement":
        for (const c of s.clauses) {
          if (c.type !== "ElseClause") this.expr(c.condition);
          this.block(c.body);
        }
        return;
      case "WhileStatement":
        this.expr(s.condition);
        return this.block(s.body);
      case "DoStatement":
        return this.block(s.body);
      case "RepeatStatement":
        // the condition sees the body's locals
        return this.scoped(() => {
          s.body.forEach((x) => this.statement(x));
          this.expr(s.condition);
        });
      case "ForNumericStatement": {
        [s.start, s.end, s.step].forEach((e) => e && this.expr(e));
        return this.scoped(() => {
          const intLit = (e: L.Expression | null): boolean => {
            if (e === null) return true;
            const v = literalValue(e);
            return typeof v === "number" && Number.isInteger(v);
          };
          // as loops.ts: with integer literals for start and step the loop counts in
          // integers; with an integer literal limit too, in safe ones
          const fixed: NumKind = !intLit(s.start) || !intLit(s.step) ? null : intLit(s.end) ? "int" : "integer";
          const v = this.declare(s.variable.name, { fixed });
          this.block(s.body);
          // (assigned in the body: its kind is its sources' as well)
          if (v.sources.length > 0 || v.unknown) v.fixed = undefined;
        });
      }
      case "ForGenericStatement":
        s.iterators.forEach((e) => this.expr(e));
        return this.scoped(() => {
          s.variables.forEach((id) => this.declare(id.name, { unknown: true }));
          this.block(s.body);
        });
      case "FunctionDeclaration":
        return this.functionDecl(s);
      default:
        return;
    }
  }

  private functionDecl(f: L.FunctionDeclaration): void {
    const id = f.identifier;
    if (id !== null && id.type === "Identifier") {
      if (f.isLocal) this.declare(id.name, { unknown: true });
      else if (f.isGlobal) this.scopes[this.scopes.length - 1].set(id.name, null);
      else {
        const v = this.lookup(id.name);
        if (v !== null) v.unknown = true;
      }
    } else if (id !== null) this.expr(id);
    this.scoped(() => {
      // (a method's implicit self, and a Lua 5.5 named vararg, are parameters too)
      if (id !== null && id.type === "MemberExpression" && id.indexer === ":") this.declare("self", { unknown: true });
      for (const p of f.parameters) {
        const name = p.name;
        if (name !== undefined) this.declare(name, { unknown: true });
      }
      f.body.forEach((x) => this.statement(x));
    });
  }

  private expr(e: L.Expression): void {
    switch (e.type) {
      case "Identifier": {
        const v = this.lookup(e.name);
        if (v !== null) this.reads.set(e, v);
        return;
      }
      case "FunctionDeclaration":
        return this.functionDecl(e);
      case "BinaryExpression":
      case "LogicalExpression":
        this.expr(e.left);
        return this.expr(e.right);
      case "UnaryExpression":
        return this.expr(e.argument);
      case "MemberExpression":
        return this.expr(e.base);
      case "IndexExpression":
        this.expr(e.base);
        return this.expr(e.index);
      case "CallExpression":
        this.expr(e.base);
        return e.arguments.forEach((a) => this.expr(a));
      case "StringCallExpression":
        return this.expr(e.base);
      case "TableCallExpression":
        this.expr(e.base);
        return this.expr(e.arguments);
      case "TableConstructorExpression":
        for (const f of e.fields) {
          if (f.type === "TableKey") this.expr(f.key);
          this.expr(f.value);
        }
        return;
      default:
        return;
    }
  }

  /** Raises every local's kind until each covers the kinds of all its values. */
  fixpoint(): void {
    for (const v of this.vars) if (v.unknown) v.kind = null;
    for (let changed = true; changed; ) {
      changed = false;
      for (const v of this.vars) {
        if (v.kind === null) continue;
        let k: Kind = v.fixed !== undefined ? v.fixed : "none";
        for (const s of v.sources) if ((k = join(k, this.kindOf(s))) === null) break;
        if (k !== v.kind) {
          v.kind = k;
          changed = true;
        }
      }
    }
  }

  private kindOf(e: L.Expression): Kind {
    switch (e.type) {
      case "NumericLiteral":
        return kindOfValue(parseNumeral(e.raw, lineOf(e)));
      case "Identifier":
        return this.reads.get(e)?.kind ?? null;
      case "UnaryExpression":
        return e.operator === "-" ? this.kindOf(e.argument) : null;
      case "BinaryExpression": {
        const op = e.operator;
        if (!ARITH.has(op)) return null;
        const a = this.kindOf(e.left);
        const b = this.kindOf(e.right);
        if (a === null || b === null) return null;
        if (a === "none" || b === "none") return "none";
        if (op === "/" || op === "^") return "float";
        // an integer modulo a nonzero integer literal is smaller than the literal
        if (op === "%" && a !== "float" && b !== "float") {
          const d = literalValue(e.right);
          if (typeof d === "number" && d !== 0) return "int";
        }
        return intOrFloat(a, b);
      }
      default:
        return null;
    }
  }
}

const ARITH = new Set(["+", "-", "*", "/", "%", "//", "^"]);

/** The kind of a value that is of kind a or of kind b. */
function join(a: Kind, b: Kind): Kind {
  if (a === "none") return b;
  if (b === "none" || a === b) return a;
  if (a === null || b === null || a === "float" || b === "float") return null;
  return "integer";
}
