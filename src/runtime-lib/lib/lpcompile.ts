// Lua patterns compiled to JavaScript: a pattern used often becomes one specialised function
// (what lpattern.ts's doMatch does for it, item by item; the rest of the pattern after a
// repetition is code inside the repetition's loop), so matching
// runs without decoding the pattern, without the recursion for captures, and reading the
// subject string directly.
//
// It is the same algorithm as the interpreter (C's matcher): greedy and lazy repetitions try
// the rest of the pattern from the same positions in the same order, so every result is the
// same. Errors are too: a pattern is linear, so at each pattern position the capture level
// and which captures are still open are fixed, and every error the matcher can raise
// ("invalid pattern capture", "invalid capture index %N", "too many captures", a malformed
// item) belongs to one position; the compiled code raises it when the match reaches that
// position, as C does. Nesting of calls is bounded by the number of backtracking points;
// patterns with enough of them to reach "pattern too complex" are left to the interpreter.
import { CAP_POSITION, CAP_UNFINISHED, MatchState, Pat, PatternError, ANY } from "./lpattern.js";

const MAXCAPTURES = 32;
/** more backtracking points (captures and repetitions) than this: keep the interpreter,
 *  which counts C's MAXCCALLS (200) nesting levels */
const MAX_POINTS = 150;

const L_ESC = 37; // '%'

/** A compiled pattern from one start position. */
export interface Compiled {
  /** the end of a match starting at s, or -1 (on success ms.level is the capture count) */
  match(ms: MatchState, s: number): number;
  /** the first s' >= s (up to the subject's end) where a match starts, or -1; its end is
   *  then in ms.end */
  search(ms: MatchState, s: number): number;
}

/** Code of one pattern position onwards, for a compiled pattern. */
class Gen {
  readonly fns: string[] = [];
  readonly made = new Set<number>();
  readonly tables: Uint8Array[] = [];
  ncap = -1;
  /** the leading greedy item whose run a failed search attempt skips (see runSkip), or -1 */
  runItem = -1;
  /** numbers the repetitions (their loop variables and labels) */
  private loops = 0;

  constructor(readonly pat: Pat) {}

  table(t: Uint8Array): string {
    let i = this.tables.indexOf(t);
    if (i < 0) i = this.tables.push(t) - 1;
    return `T${i}`;
  }

  /** `c` (an expression giving a character code) against the single-char class at p */
  test(p: number, c: string): string {
    const t = this.pat.tbl[p]!;
    const pc = this.pat.pc;
    if (t === ANY) return "true";
    if (pc[p] !== L_ESC && pc[p] !== 91 /* [ */) return `${c} === ${pc[p]}`;
    const one = onlyMember(t);
    return one >= 0 ? `${c} === ${one}` : `${this.table(t)}[${c}] === 1`;
  }

  /** The function matching from pattern position p (made once per position): the entry,
   *  and the rest after an x? (tried from two places). */
  fn(p: number, level: number, open: number[]): string {
    const name = `m${p}`;
    if (!this.made.has(p)) {
      this.made.add(p);
      const body = this.body(p, level, open.slice(), "return -1;");
      this.fns.push(`function ${name}(s) {\n${body}}\n`);
    }
    return name;
  }

  /** Code matching from p at subject position s to the end of the pattern: it returns the
   *  match's end, or runs `fail` (a statement) when there is no match from here. */
  body(p: number, level: number, open: number[], fail: string): string {
    const pat = this.pat;
    const pc = pat.pc;
    const len = pat.len;
    let out = "";
    for (;;) {
      if (p === len) {
        this.ncap = level;
        return out + "return s;\n";
      }
      const c = pc[p];
      if (c === 40 /* ( */) {
        if (level >= MAXCAPTURES) return out + raise("too many captures");
        const pos = pc[p + 1] === 41;
        out += `CI[${level}] = s; CL[${level}] = ${pos ? CAP_POSITION : CAP_UNFINISHED};\n`;
        if (!pos) open.push(level);
        level++;
        p += pos ? 2 : 1;
        continue;
      }
      if (c === 41 /* ) */) {
        const l = open.pop();
        if (l === undefined) return out + raise("invalid pattern capture");
        out += `CL[${l}] = s - CI[${l}];\n`;
        p++;
        continue;
      }
      if (c === 36 /* $ */ && p + 1 === len) {
        this.ncap = level;
        return out + `if (s !== N) ${fail}\nreturn s;\n`;
      }
      if (c === L_ESC && pc[p + 1] === 98 /* b */) {
        if (p + 2 >= len - 1) return out + raise("malformed pattern (missing arguments to '%b')");
        out += balance(pc[p + 2], pc[p + 3], fail);
        p += 4;
        continue;
      }
      if (c === L_ESC && pc[p + 1] === 102 /* f */) {
        p += 2;
        if (pc[p] !== 91) return out + raise("missing '[' after '%f' in pattern");
        const ep = itemEnd(pat, p);
        if (typeof ep === "string") return out + raise(ep);
        const t = this.table(pat.tbl[p]!);
        out += `if (!(${t}[s === 0 ? 0 : S.charCodeAt(s - 1)] === 0 && ${t}[s < N ? S.charCodeAt(s) : 0] === 1)) ${fail}\n`;
        p = ep;
        continue;
      }
      if (c === L_ESC && pc[p + 1] >= 48 && pc[p + 1] <= 57) {
        const l = pc[p + 1] - 49;
        if (l < 0 || l >= level || open.includes(l)) return out + raise(`invalid capture index %${l + 1}`);
        out += backref(l, fail);
        p += 2;
        continue;
      }
      // a single-char class with an optional repetition suffix
      const ep = itemEnd(pat, p);
      if (typeof ep === "string") return out + raise(ep);
      const suf = ep < len ? pc[ep] : 0;
      const here = this.test(p, "S.charCodeAt(s)");
      if (suf === 63 /* ? */) {
        // one character, then the rest; else the rest without it
        const next = this.fn(ep + 1, level, open);
        out += `if (s < N && ${here}) { const r = ${next}(s + 1); if (r !== -1) return r; }\n`;
        if (fail === "return -1;") return out + `return ${next}(s);\n`;
        return out + `{ const r = ${next}(s); if (r !== -1) return r; }\n${fail}\n`;
      }
      if (suf === 42 /* * */ || suf === 43 /* + */ || suf === 45 /* - */) return out + this.repeat(p, ep, suf, level, open, fail);
      out += `if (s >= N || !(${here})) ${fail}\ns++;\n`;
      p = ep;
    }
  }

  /** max_expand / min_expand of the item at p (suffix at ep), trying the rest at ep+1 only
   *  where its first character can match (when that is known and nothing can be raised
   *  before it). The rest is code inside the loop (a labelled block its failure leaves);
   *  the loops over characters are shared helpers (below), hot from every pattern, so a
   *  pattern compiled late does not run them in V8's slow tiers. */
  repeat(p: number, ep: number, suf: number, level: number, open: number[], fail: string): string {
    const k = ++this.loops;
    const i = `i${k}`;
    const rest = `L${k}: {\nlet s = ${i};\n${this.body(ep + 1, level, open.slice(), `break L${k};`)}}\n`;
    const firstSet = this.firstSet(ep + 1, level, open);
    const item = this.table(this.pat.tbl[p]!);
    if (suf === 45 /* - */) {
      if (firstSet === null) return `for (let ${i} = s; ; ${i}++) {\n${rest}if (!(${i} < N && ${this.test(p, `S.charCodeAt(${i})`)})) ${fail}\n}\n`;
      return `for (let ${i} = s; ; ${i}++) {
${i} = lazyTo(S, ${i}, N, ${item}, ${this.table(firstSet)});
if (${i} < 0) ${fail}
${rest}if (${item}[S.charCodeAt(${i})] !== 1) ${fail}
}
`;
    }
    const least = suf === 43 ? 1 : 0;
    let code = "";
    if (least === 1) code += `if (s >= N || !(${this.test(p, "S.charCodeAt(s)")})) ${fail}\n`;
    code += this.pat.tbl[p] === ANY ? `let ${i} = N;\n` : `let ${i} = span(S, s + ${least}, N, ${item});\n`;
    if (p === this.runItem) code += `R = ${i};\n`;
    if (firstSet === null) return code + `for (; ${i} >= s + ${least}; ${i}--) {\n${rest}}\n${fail}\n`;
    return code + `for (;; ${i}--) {
${i} = back(S, ${i}, s + ${least}, N, ${this.table(firstSet)});
if (${i} < s + ${least}) ${fail}
${rest}}
`;
  }

  /** The set every match from position q must start with: the classes of the optional
   *  items (x*, x?, x-) up to and including the first required one (x or x+), looking
   *  through captures; null when there is none (the rest can match empty or starts with a
   *  %b, %f or back-reference) or when something before it could raise an error. */
  firstSet(q: number, level: number, open: number[]): Uint8Array | null {
    const pat = this.pat;
    const pc = pat.pc;
    let unclosed = open.length;
    let set: Uint8Array | null = null;
    for (;;) {
      if (q >= pat.len) return null;
      if (pc[q] === 40) {
        if (level >= MAXCAPTURES) return null;
        if (pc[q + 1] === 41) q += 2;
        else {
          q++;
          unclosed++;
        }
        level++;
        continue;
      }
      if (pc[q] === 41) {
        if (unclosed === 0) return null;
        unclosed--;
        q++;
        continue;
      }
      if (pc[q] === 36 && q + 1 === pat.len) return null;
      if (pc[q] === L_ESC && (pc[q + 1] === 98 || pc[q + 1] === 102 || (pc[q + 1] >= 48 && pc[q + 1] <= 57))) return null;
      const ep = itemEnd(pat, q);
      if (typeof ep === "string") return null;
      const t = pat.tbl[q]!;
      if (t === ANY) return null;
      set = set === null ? t : union(set, t);
      const suf = ep < pat.len ? pc[ep] : 0;
      if (suf !== 42 && suf !== 63 && suf !== 45) return set;
      q = ep + 1;
    }
  }

  /** Code moving s to the first position >= s where a match from p0 can start (C tries
   *  every position; these are the only ones that can match, and an attempt skipped this
   *  way could not have raised an error either). */
  scan(p0: number): string {
    const pat = this.pat;
    const pc = pat.pc;
    let q = p0;
    for (let level = 0; pc[q] === 40 && q < pat.len && level < MAXCAPTURES; level++) q += pc[q + 1] === 41 ? 2 : 1;
    if (q >= pat.len || pc[q] === 40 || pc[q] === 41) return "";
    if (pc[q] === L_ESC && pc[q + 1] === 98 /* b */) {
      if (q + 3 >= pat.len) return "";
      return `s = S.indexOf(${JSON.stringify(String.fromCharCode(pc[q + 2]))}, s);\nif (s < 0) s = N;\n`;
    }
    if (pc[q] === L_ESC && pc[q + 1] === 102 /* f */) {
      if (pc[q + 2] !== 91 || typeof itemEnd(pat, q + 2) === "string") return "";
      const t = this.table(pat.tbl[q + 2]!);
      return `for (; s < N; s++) if (${t}[s === 0 ? 0 : S.charCodeAt(s - 1)] === 0 && ${t}[S.charCodeAt(s)] === 1) break;\n`;
    }
    const f = this.firstSet(q, 0, []);
    if (f === null) return "";
    const one = onlyMember(f);
    if (one >= 0) return `s = S.indexOf(${JSON.stringify(String.fromCharCode(one))}, s);\nif (s < 0) s = N;\n`;
    return `s = seek(S, s, N, ${this.table(f)});\n`;
  }
}

/** The union of two membership tables. */
function union(a: Uint8Array, b: Uint8Array): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = a[c] | b[c];
  return t;
}

/** The one code a table holds, or -1 (several, or none). */
function onlyMember(t: Uint8Array): number {
  let one = -1;
  for (let c = 0; c < 256; c++) {
    if (t[c] === 0) continue;
    if (one >= 0) return -1;
    one = c;
  }
  return one;
}

// ---- loops over characters, shared by every compiled pattern ----

/** The first j >= i (at most n) where s[j] is not in t. */
function span(s: string, i: number, n: number, t: Uint8Array): number {
  while (i < n && t[s.charCodeAt(i)] === 1) i++;
  return i;
}

/** The largest j <= i with lo <= j < n where s[j] is in t, or a value below lo. */
function back(s: string, i: number, lo: number, n: number, t: Uint8Array): number {
  if (i >= n) i = n - 1;
  while (i >= lo && t[s.charCodeAt(i)] !== 1) i--;
  return i;
}

/** The first j >= i (at most n) where s[j] is in t. */
function seek(s: string, i: number, n: number, t: Uint8Array): number {
  while (i < n && t[s.charCodeAt(i)] !== 1) i++;
  return i;
}

/** A lazy repetition's next try: the first j >= i where s[j] is in `first`, if every
 *  character before it is in `item`; else -1. */
function lazyTo(s: string, i: number, n: number, item: Uint8Array, first: Uint8Array): number {
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (first[c] === 1) return i;
    if (item[c] !== 1) return -1;
  }
  return -1;
}

function raise(msg: string): string {
  return `throw new PatternError(${JSON.stringify(msg)});\n`;
}

/** classend of the item at p (with its membership table), or the error it raises */
function itemEnd(pat: Pat, p: number): number | string {
  try {
    return pat.item(p);
  } catch (e) {
    if (e instanceof PatternError) return e.msg;
    throw e;
  }
}

function balance(b: number, e: number, fail: string): string {
  return `{
if (s >= N || S.charCodeAt(s) !== ${b}) ${fail}
let k = s, cont = 1;
for (;;) {
  if (++k >= N) ${fail}
  const c = S.charCodeAt(k);
  if (c === ${e}) { if (--cont === 0) break; }
  else if (c === ${b}) cont++;
}
s = k + 1;
}
`;
}

function backref(l: number, fail: string): string {
  return `{
const len = CL[${l}];
if (len < 0 || N - s < len) ${fail}
const init = CI[${l}];
for (let k = 0; k < len; k++) if (S.charCodeAt(init + k) !== S.charCodeAt(s + k)) ${fail}
s += len;
}
`;
}

/** The pattern position of a greedy item (X* or X+ of a single-char class) that every match
 *  from p0 starts with, after opening captures, when nothing after it refers back to a
 *  capture; else -1. Then a failed attempt at s, where X matched s..r-1, means attempts at
 *  s+1..r fail too: each tries the rest of the pattern only at positions the attempt at s
 *  tried, and with no back-reference the rest succeeds or fails there whatever the start. */
function runSkip(pat: Pat, p0: number): number {
  const pc = pat.pc;
  for (let i = p0; i < pat.len; i++) {
    if (pc[i] === L_ESC) {
      if (pc[i + 1] >= 48 && pc[i + 1] <= 57) return -1;
      i++;
    }
  }
  let q = p0;
  for (let level = 0; pc[q] === 40 && q < pat.len; level++) {
    if (level >= MAXCAPTURES) return -1;
    q += pc[q + 1] === 41 ? 2 : 1;
  }
  if (q >= pat.len || pc[q] === 41 || (pc[q] === 36 && q + 1 === pat.len)) return -1;
  if (pc[q] === L_ESC && (pc[q + 1] === 98 || pc[q + 1] === 102)) return -1;
  const ep = itemEnd(pat, q);
  if (typeof ep === "string" || ep >= pat.len) return -1;
  return pc[ep] === 42 || pc[ep] === 43 ? q : -1;
}

/** Number of places a match can nest calls (C's `match` recursion): captures and
 *  repetitions. */
function points(pat: Pat): number {
  let n = 0;
  const pc = pat.pc;
  for (let i = 0; i < pat.len; i++) {
    const c = pc[i];
    if (c === 40 || c === 41 || c === 42 || c === 43 || c === 45 || c === 63) n++;
  }
  return n;
}

/** The compiled matcher of `pat` from position p0 (0, or 1 after '^'), or null when the
 *  pattern is one the interpreter must run. */
export function compilePattern(pat: Pat, p0: number): Compiled | null {
  if (points(pat) > MAX_POINTS) return null;
  const g = new Gen(pat);
  g.runItem = runSkip(pat, p0);
  const entry = g.fn(p0, 0, []);
  const scan = g.scan(p0);
  const ncap = g.ncap < 0 ? 0 : g.ncap;
  const names = g.tables.map((_, i) => `T${i}`);
  const src = `"use strict";
let S = "", N = 0, CI = null, CL = null, R = 0;
${g.fns.join("")}
return {
  match(ms, s) {
    S = ms.src; N = ms.slen; CI = ms.capInit; CL = ms.capLen;
    const e = ${entry}(s);
    if (e !== -1) ms.level = ${ncap};
    S = "";
    return e;
  },
  search(ms, s) {
    S = ms.src; N = ms.slen; CI = ms.capInit; CL = ms.capLen;
    for (; s <= N; s++) {
      ${scan}${g.runItem >= 0 ? "R = s;\n" : ""}const e = ${entry}(s);
      if (e !== -1) {
        ms.level = ${ncap};
        ms.end = e;
        S = "";
        return s;
      }
      ${g.runItem >= 0 ? "s = R;" : ""}
    }
    S = "";
    return -1;
  },
};`;
  let make: (...a: unknown[]) => Compiled;
  try {
    make = new Function("PatternError", "span", "back", "seek", "lazyTo", ...names, src) as (...a: unknown[]) => Compiled;
  } catch {
    return null; // code generation from strings disallowed (a Node option): interpret
  }
  return make(PatternError, span, back, seek, lazyTo, ...g.tables);
}

/** uses of a pattern before it is compiled (compiling costs about as much as tens of
 *  interpreted matches of a short subject) */
const COMPILE_AFTER = 4;
/** subjects at least this long compile at once (one call makes many attempts) */
export const LONG_SUBJECT = 256;

/** The compiled form of pat from p0 once the pattern has been used enough, else null (run
 *  the interpreter). */
export function compiledFor(pat: Pat, p0: number, slen: number): Compiled | null {
  const c = pat.compiled[p0];
  if (c !== undefined) return c;
  if (++pat.uses < COMPILE_AFTER && slen < LONG_SUBJECT) return null;
  return (pat.compiled[p0] = compilePattern(pat, p0));
}
