// A small Lua tokenizer used by the pre-pass: it only needs token kinds, values and offsets
// (strings, comments and long brackets are skipped correctly so that nothing inside them is
// mistaken for syntax).

export type TokKind = "name" | "keyword" | "number" | "string" | "op" | "eof";

export interface Token {
  kind: TokKind;
  value: string;
  start: number;
  end: number;
  line: number;
}

const KEYWORDS = new Set([
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
  "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
]);

const OPS3 = ["..."];
const OPS2 = ["==", "~=", "<=", ">=", "//", "::", "<<", ">>", ".."];

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length of the long-bracket opener at i ("[[", "[==["), or -1. */
function longOpen(src: string, i: number): number {
  if (src[i] !== "[") return -1;
  let j = i + 1;
  while (src[j] === "=") j++;
  return src[j] === "[" ? j - i - 1 : -1;
}

export function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  const countLines = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (src.charCodeAt(k) === 10) line++;
  };
  const skipLong = (level: number, from: number): number => {
    const close = "]" + "=".repeat(level) + "]";
    const e = src.indexOf(close, from);
    return e < 0 ? n : e + close.length;
  };
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
      i++;
      continue;
    }
    const start = i;
    if (c === 45 && src.charCodeAt(i + 1) === 45) {
      // comment
      const lvl = longOpen(src, i + 2);
      let e: number;
      if (lvl >= 0) e = skipLong(lvl, i + 4 + lvl);
      else {
        e = src.indexOf("\n", i);
        if (e < 0) e = n;
      }
      countLines(i, e);
      i = e;
      continue;
    }
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && (isNameStart(src.charCodeAt(j)) || isDigit(src.charCodeAt(j)))) j++;
      const w = src.slice(i, j);
      toks.push({ kind: KEYWORDS.has(w) ? "keyword" : "name", value: w, start, end: j, line });
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      let j = i;
      const hex = src[i] === "0" && (src[i + 1] === "x" || src[i + 1] === "X");
      if (hex) j += 2;
      for (;;) {
        const ch = src[j];
        if (ch === undefined) break;
        if ((hex ? "pP" : "eE").includes(ch) && "+-".includes(src[j + 1] ?? "")) j += 2;
        else if (/[0-9a-zA-Z_.]/.test(ch)) j++;
        else break;
      }
      toks.push({ kind: "number", value: src.slice(i, j), start, end: j, line });
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < n && src.charCodeAt(j) !== c && src.charCodeAt(j) !== 10) {
        if (src.charCodeAt(j) === 92) {
          if (src[j + 1] === "z") {
            j += 2;
            while (j < n && /\s/.test(src[j])) {
              if (src[j] === "\n") line++;
              j++;
            }
            continue;
          }
          if (src[j + 1] === "\n") line++;
          j += 2;
        } else j++;
      }
      toks.push({ kind: "string", value: src.slice(i, j + 1), start, end: j + 1, line });
      i = j + 1;
      continue;
    }
    const lvl = longOpen(src, i);
    if (lvl >= 0) {
      const e = skipLong(lvl, i + 2 + lvl);
      const l0 = line;
      countLines(i, e);
      toks.push({ kind: "string", value: src.slice(i, e), start, end: e, line: l0 });
      i = e;
      continue;
    }
    const s3 = src.slice(i, i + 3);
    const s2 = src.slice(i, i + 2);
    const op = OPS3.includes(s3) ? s3 : OPS2.includes(s2) ? s2 : src[i];
    toks.push({ kind: "op", value: op, start, end: i + op.length, line });
    i += op.length;
  }
  toks.push({ kind: "eof", value: "<eof>", start: n, end: n, line });
  return toks;
}
