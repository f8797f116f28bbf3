// The pre-pass: rewrites the Lua 5.4/5.5 constructs luaparse does not know into text it
// accepts, keeping every byte offset (removed text becomes spaces), and records what it
// removed for the compiler: local attributes (<const>, <close>), 5.5 `global` declarations,
// 5.5 named varargs (`...t`), and which expressions stand in parentheses (which truncates
// multiple results to one).
import { tokenize, Token } from "./lexer.js";

export interface GlobalDecl {
  names: string[];
  /** attributes per name ("const" or ""), or for a wildcard the wildcard's attribute */
  attribs: string[];
  wildcard: boolean;
  line: number;
}

export interface Prepass {
  text: string;
  /** local attribute by the offset of the variable's name */
  attribs: Map<number, string>;
  /** `global` declarations by the offset of the statement that replaces them */
  globals: Map<number, GlobalDecl>;
  /** named vararg by the offset of its `...` */
  varargNames: Map<number, string>;
  /** "start:end" of every parenthesised expression */
  parens: Set<string>;
  tokens: Token[];
}

export class PrepassError extends Error {
  constructor(
    message: string,
    public line: number,
  ) {
    super(message);
  }
}

const CALL_BEFORE = new Set([")", "]", "}"]);

export function prepass(src: string): Prepass {
  const toks = tokenize(src);
  const buf = src.split("");
  const blank = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (buf[k] !== "\n") buf[k] = " ";
  };
  const res: Prepass = {
    text: "",
    attribs: new Map(),
    globals: new Map(),
    varargNames: new Map(),
    parens: new Set(),
    tokens: toks,
  };
  const isOp = (t: Token | undefined, v: string) => t !== undefined && t.kind === "op" && t.value === v;
  const readAttrib = (i: number): [string, number] | null => {
    // at toks[i] === "<": returns [attribute, index after ">"]
    if (!isOp(toks[i], "<")) return null;
    const name = toks[i + 1];
    if (name?.kind !== "name" || !isOp(toks[i + 2], ">")) return null;
    if (name.value !== "const" && name.value !== "close")
      throw new PrepassError(`unknown attribute '${name.value}'`, name.line);
    blank(toks[i].start, toks[i + 2].end);
    return [name.value, i + 3];
  };
  const parenStack: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const prev = toks[i - 1];
    if (t.kind === "keyword" && t.value === "local" && toks[i + 1]?.kind === "name") {
      let j = i + 1;
      while (toks[j]?.kind === "name") {
        const nameTok = toks[j];
        const a = readAttrib(j + 1);
        if (a) {
          res.attribs.set(nameTok.start, a[0]);
          j = a[1];
        } else j++;
        if (!isOp(toks[j], ",")) break;
        j++;
      }
      continue;
    }
    if (t.kind === "name" && t.value === "global" && isGlobalDecl(toks, i)) {
      i = rewriteGlobal(toks, i, res, blank, readAttrib, buf);
      continue;
    }
    if (isOp(t, "...") && toks[i + 1]?.kind === "name" && isOp(toks[i + 2], ")")) {
      res.varargNames.set(t.start, toks[i + 1].value);
      blank(toks[i + 1].start, toks[i + 1].end);
      continue;
    }
    if (isOp(t, "(")) {
      const isCall =
        prev !== undefined &&
        (prev.kind === "name" || prev.kind === "string" || (prev.kind === "op" && CALL_BEFORE.has(prev.value)));
      parenStack.push(isCall ? -1 : i);
      continue;
    }
    if (isOp(t, ")")) {
      const open = parenStack.pop();
      if (open !== undefined && open >= 0 && i > open + 1) res.parens.add(`${toks[open + 1].start}:${prev.end}`);
    }
  }
  res.text = buf.join("");
  return res;
}

const NOT_BEFORE_DECL = new Set([".", ":", "::"]);

function isGlobalDecl(toks: Token[], i: number): boolean {
  const prev = toks[i - 1];
  const next = toks[i + 1];
  if (prev && ((prev.kind === "op" && NOT_BEFORE_DECL.has(prev.value)) || ["local", "function", "goto"].includes(prev.value)))
    return false;
  if (!next) return false;
  return next.kind === "name" || next.value === "function" || next.value === "<" || next.value === "*";
}

function rewriteGlobal(
  toks: Token[],
  i: number,
  res: Prepass,
  blank: (a: number, b: number) => void,
  readAttrib: (i: number) => [string, number] | null,
  buf: string[],
): number {
  const g = toks[i];
  const next = toks[i + 1];
  if (next.value === "function") {
    blank(g.start, g.end);
    const name = toks[i + 2];
    res.globals.set(next.start, { names: [name?.value ?? ""], attribs: [""], wildcard: false, line: g.line });
    return i;
  }
  let j = i + 1;
  let wildAttr = "";
  const a0 = readAttrib(j);
  if (a0) {
    wildAttr = a0[0];
    j = a0[1];
  }
  if (toks[j]?.kind === "op" && toks[j].value === "*") {
    replaceWithNoop(buf, blank, g.start, toks[j].end);
    res.globals.set(g.start, { names: [], attribs: [wildAttr], wildcard: true, line: g.line });
    return j;
  }
  const names: string[] = [];
  const attribs: string[] = [];
  let last = j;
  while (toks[j]?.kind === "name") {
    names.push(toks[j].value);
    last = j;
    const a = readAttrib(j + 1);
    attribs.push(a ? a[0] : wildAttr);
    if (a) last = a[1] - 1;
    j = a ? a[1] : j + 1;
    if (!(toks[j]?.kind === "op" && toks[j].value === ",")) break;
    j++;
  }
  const decl = { names, attribs, wildcard: false, line: g.line };
  if (toks[j]?.kind === "op" && toks[j].value === "=") {
    blank(g.start, g.end);
    res.globals.set(toks[i + 1 + (a0 ? 3 : 0)].start, decl);
    // blank the attribute written before the names, if any
    return j;
  }
  replaceWithNoop(buf, blank, g.start, toks[last].end);
  res.globals.set(g.start, decl);
  return last;
}

/** Replaces a declaration that has no statement of its own with `do end` and spaces. */
function replaceWithNoop(buf: string[], blank: (a: number, b: number) => void, a: number, b: number): void {
  blank(a, b);
  const noop = "do end";
  for (let k = 0; k < noop.length; k++) buf[a + k] = noop[k];
}
