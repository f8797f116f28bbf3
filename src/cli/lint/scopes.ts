// Lexical scopes for the lint pass, resolved as the compiler resolves names (compiler/
// context.ts): locals innermost first across function boundaries; a 5.5 `global *` makes
// free names globals, a `global name` declaration makes undeclared free names an error from
// there on.
import type * as L from "../../compiler/parser/ast.js";

export type BindingKind = "local" | "function" | "param" | "for" | "global";

export interface Binding {
  kind: BindingKind;
  name: string;
  /** "", "const", "close", or "for" (a read-only loop variable) */
  attrib: string;
  line: number;
  col: number;
  /** read somewhere (writes do not count) */
  used: boolean;
}

export class LintScope {
  vars = new Map<string, Binding>();
  /** bindings in declaration order, redeclared names included (for the unused check) */
  declared: Binding[] = [];
  wildcard: string | null = null;
  strict = false;
  constructor(readonly parent: LintScope | null) {}

  declare(kind: BindingKind, id: L.Identifier | { name: string; loc: L.Location }, attrib = ""): Binding {
    const b: Binding = { kind, name: id.name, attrib, line: id.loc.start.line, col: id.loc.start.column + 1, used: false };
    this.vars.set(b.name, b);
    this.declared.push(b);
    return b;
  }
}

export type Resolved = { binding: Binding } | { free: true; strict: boolean };

export function resolveName(scope: LintScope, name: string): Resolved {
  let strict = false;
  for (let s: LintScope | null = scope; s; s = s.parent) {
    const b = s.vars.get(name);
    if (b) return { binding: b };
    if (s.wildcard !== null) return { binding: { kind: "global", name, attrib: s.wildcard, line: 0, col: 0, used: true } };
    if (s.strict) strict = true;
  }
  return { free: true, strict };
}

/** The local a new declaration of `name` would hide (in any enclosing scope or function). */
export function visibleLocal(scope: LintScope, name: string): Binding | null {
  for (let s: LintScope | null = scope; s; s = s.parent) {
    const b = s.vars.get(name);
    if (b) return b.kind === "global" ? null : b;
  }
  return null;
}
