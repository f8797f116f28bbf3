// Blocks, labels and goto. A label that is jumped to forwards closes a labelled JS block
// over the statements before it (`goto` is `break L$f`); one that is jumped to backwards opens
// a labelled loop over the statements after it (`goto` is `continue L$b`). Locals of a block
// with forward labels are declared at its top so they stay visible past the JS block.
import type * as L from "../parser/ast.js";
import { Frag, Mark } from "../frag.js";
import { GlobalName, lineOf, rangeOf } from "../context.js";
import { CompileError } from "../diagnostics.js";
import { T } from "./state.js";
import { slowOp } from "./gen.js";
import { stmt } from "./statements.js";

export interface LabelInfo {
  name: string;
  start: number;
  line: number;
  fwd: string | null;
  back: string | null;
  /** set when the block runs as a state machine: its loop label and this label's state */
  sm?: { loop: string; state: string; n: number };
}

/** Per-function stack of visible labels (innermost block last). */
const labelStacks = new WeakMap<object, LabelInfo[][]>();

function labelStack(t: T): LabelInfo[][] {
  let s = labelStacks.get(t.fn);
  if (!s) labelStacks.set(t.fn, (s = []));
  return s;
}

export function findLabel(t: T, name: string): LabelInfo | undefined {
  const stack = labelStack(t);
  for (let i = stack.length - 1; i >= 0; i--) {
    const l = stack[i].find((x) => x.name === name);
    if (l) return l;
  }
  return undefined;
}

/** Gotos in statements (and nested blocks, not nested functions). */
function collectGotos(stmts: L.Statement[], out: L.GotoStatement[]): void {
  for (const s of stmts) {
    switch (s.type) {
      case "GotoStatement":
        out.push(s);
        break;
      case "IfStatement":
        s.clauses.forEach((c) => collectGotos(c.body, out));
        break;
      case "WhileStatement":
      case "RepeatStatement":
      case "DoStatement":
      case "ForNumericStatement":
      case "ForGenericStatement":
        collectGotos(s.body, out);
        break;
    }
  }
}

export interface BlockState {
  /** names of locals to declare at the top of the block (set when it has forward labels) */
  hoist: string[] | null;
}

const blockStates = new WeakMap<object, BlockState>();

export function currentBlock(t: T): BlockState {
  return blockStates.get(t.scope) ?? { hoist: null };
}

/** Emits the statements of one block (the caller made its scope). `trailer` is emitted last,
 *  inside every wrapper (the condition of repeat-until). */
export function block(stmts: L.Statement[], t: T, trailer?: () => Frag, endLine?: number): Frag {
  const last = stmts[stmts.length - 1];
  const closeLine = endLine ?? last?.loc?.end.line ?? 0;
  const labels: LabelInfo[] = [];
  const gotos: L.GotoStatement[] = [];
  collectGotos(stmts, gotos);
  // (the parser has checked label visibility, duplicates and jumps into local scopes)
  stmts.forEach((s) => {
    if (s.type !== "LabelStatement") return;
    const name = s.label.name;
    const start = rangeOf(s)[0];
    const targeting = gotos.filter((g) => g.label.name === name);
    const fwdGotos = targeting.filter((g) => rangeOf(g)[0] < start);
    const info: LabelInfo = {
      name,
      start,
      line: lineOf(s),
      fwd: fwdGotos.length ? t.chunk.jsId("L_" + name) : null,
      back: targeting.some((g) => rangeOf(g)[0] > start) ? t.chunk.jsId("B_" + name) : null,
    };
    labels.push(info);
  });
  const stack = labelStack(t);
  stack.push(labels);
  const sm = needsStateMachine(labels, gotos);
  const state: BlockState = { hoist: labels.some((l) => l.fwd) || sm ? [] : null };
  blockStates.set(t.scope, state);
  try {
    const body = sm ? stateMachine(stmts, t, labels, trailer) : emitFrom(stmts, 0, t, labels, closeLine, trailer);
    if (state.hoist && state.hoist.length) return [`let ${state.hoist.join(", ")};\n`, body];
    return body;
  } finally {
    stack.pop();
  }
}

/** Labelled blocks and loops cannot express a forward jump over a label that is itself the
 *  target of a backward jump (the loop would have to be entered in its middle). */
function needsStateMachine(labels: LabelInfo[], gotos: L.GotoStatement[]): boolean {
  return labels.some((b) =>
    gotos.some(
      (g) => g.label.name === b.name && rangeOf(g)[0] < b.start && labels.some((a) => a.back && a.start < b.start && rangeOf(g)[0] < a.start),
    ),
  );
}

/** The general form: a loop around a switch over label states; `goto L` sets the state and
 *  continues the loop. Locals of the block are declared above it (hoisted). */
function stateMachine(stmts: L.Statement[], t: T, labels: LabelInfo[], trailer?: () => Frag): Frag {
  const id = t.chunk.id();
  const loop = `$sm${id}`;
  const st = `$st${id}`;
  labels.forEach((l, i) => (l.sm = { loop, state: st, n: i + 1 }));
  const out: Frag[] = [`let ${st} = 0;\n${loop}: for (;;) {\nswitch (${st}) {\ncase 0:\n`];
  for (const s of stmts) {
    if (s.type === "LabelStatement") {
      const l = labels.find((x) => x.start === rangeOf(s)[0])!;
      out.push(`case ${l.sm!.n}:\n`);
      continue;
    }
    if (s.type === "LocalStatement" && s.attribs.includes("close"))
      throw new CompileError("a block with both goto jumps across labels and a <close> variable is not supported", lineOf(s));
    applyGlobalDecl(s, t);
    out.push(stmt(s, t));
  }
  if (trailer) out.push(trailer());
  out.push(`}\nbreak;\n}\n`);
  return out;
}

function emitFrom(stmts: L.Statement[], from: number, t: T, labels: LabelInfo[], endLine: number, trailer?: () => Frag): Frag {
  const out: Frag[] = [];
  for (let i = from; i < stmts.length; i++) {
    const s = stmts[i];
    applyGlobalDecl(s, t);
    if (s.type === "LabelStatement") {
      const info = labels.find((l) => l.start === rangeOf(s)[0])!;
      let before: Frag = out;
      if (info.fwd) before = [`${info.fwd}: {\n`, out, "}\n"];
      let rest = emitFrom(stmts, i + 1, t, labels, endLine, trailer);
      if (info.back) rest = [`${info.back}: for (;;) {\n`, rest, `break ${info.back};\n}\n`];
      return [before, rest];
    }
    if (s.type === "LocalStatement" && s.attribs.includes("close")) {
      out.push(stmt(s, t));
      out.push(closeWrapper(s, t, endLine, () => emitFrom(stmts, i + 1, t, labels, endLine, trailer)));
      return out;
    }
    out.push(stmt(s, t));
  }
  if (trailer) out.push(trailer());
  return out;
}

/** try/finally that closes a to-be-closed variable on every exit from the rest of its block. */
function closeWrapper(s: L.LocalStatement, t: T, endLine: number, rest: () => Frag): Frag {
  const v = s.variables[s.attribs.indexOf("close")];
  const binding = t.scope.vars.get(v.name);
  const js = binding && binding.kind === "local" ? binding.js : "undefined";
  const err = t.chunk.jsId("e");
  t.fn.closeDepth++;
  const body = rest();
  t.fn.closeDepth--;
  return [
    `let ${err};\ntry {\n`, body,
    `} catch (e) { ${err} = e; throw e; } finally {\n`, slowOp(t, new Mark(endLine, ""), t.fn.gen ? "closeVarG" : "closeVar", [js, err], ""), ";\n}\n",
  ];
}

/** Applies a 5.5 `global` declaration that stood where this statement starts. */
function applyGlobalDecl(s: L.Statement, t: T): void {
  const decl =
    s.type === "GlobalStatement"
      ? s
      : s.type === "FunctionDeclaration" && s.isGlobal && s.identifier?.type === "Identifier"
        ? { wildcard: false, names: [s.identifier.name], attribs: [""] }
        : null;
  if (!decl) return;
  if (decl.wildcard) {
    t.scope.wildcard = decl.attribs[0] ?? "";
    return;
  }
  decl.names.forEach((name, i) => {
    const g: GlobalName = { kind: "global", name, attrib: decl.attribs[i] ?? "" };
    t.scope.vars.set(name, g);
  });
  t.scope.strict = true;
}
