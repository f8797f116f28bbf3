// Lua patterns as JavaScript regular expressions. Most patterns programs use (single-char
// classes with *, +, - and ?, captures, anchors, %f, back-references) mean exactly the same
// thing as a JS regexp written item by item: both are backtracking matchers that try a
// greedy repetition longest first, a lazy one shortest first, x? with x first, and start
// positions left to right, so they find the same match with the same captures. V8 compiles
// a regexp to machine code on its second use, so such a pattern matches at native speed
// from the start of a run, where the code lpcompile.ts generates still runs in V8's slow
// tiers.
//
// Only patterns that cannot raise an error while matching are translated: every item is
// well formed, captures are balanced, back-references name closed captures, and the
// pattern has too few captures and repetitions to reach "pattern too complex". Position
// captures `()` (which JS has no form of), %b, and patterns a regexp would read otherwise
// stay with the Lua matchers.
import { ANY, Pat, PatternError } from "./lpattern.js";
import { LONG_SUBJECT } from "./lpcompile.js";

const L_ESC = 37; // '%'
const MAXCAPTURES = 32;
/** C's MAXCCALLS is 200 nested calls; below this many captures and repetitions a match
 *  cannot get near it (the bound lpcompile.ts uses too) */
const MAX_POINTS = 150;

function hex(c: number): string {
  return c < 16 ? `\\x0${c.toString(16)}` : `\\x${c.toString(16)}`;
}

/** A membership table as a regexp class: ranges of \xHH (any code the table holds). */
function classOf(t: Uint8Array): string {
  if (t === ANY) return "[^]";
  let out = "[";
  for (let c = 0; c < 256; c++) {
    if (t[c] !== 1) continue;
    let d = c;
    while (d < 255 && t[d + 1] === 1) d++;
    out += d === c ? hex(c) : d === c + 1 ? hex(c) + hex(d) : `${hex(c)}-${hex(d)}`;
    c = d;
  }
  return out + "]";
}

/** %f[set]: the previous character (NUL before the subject) not in the set, the current
 *  one (NUL after the subject) in it. */
function frontier(t: Uint8Array): string {
  const set = classOf(t);
  const nulIn = t[0] === 1;
  const inv = "[^" + set.slice(1);
  return (nulIn ? `(?<=${inv})` : `(?<!${set})`) + (nulIn ? `(?=${set}|$)` : `(?=${set})`);
}

/** The item at p and its table (classend), or -1 if it raises an error. */
function itemEnd(pat: Pat, p: number): number {
  try {
    return pat.item(p);
  } catch (e) {
    if (e instanceof PatternError) return -1;
    throw e;
  }
}

/** The regexp source of pat from position p0 (0, or 1 after '^'), or null when the pattern
 *  must stay with the Lua matchers (see the top of this file). */
export function regexSource(pat: Pat, p0: number): string | null {
  const pc = pat.pc;
  const len = pat.len;
  let points = 0;
  for (let i = p0; i < len; i++) {
    const c = pc[i];
    if (c === 40 || c === 41 || c === 42 || c === 43 || c === 45 || c === 63) points++;
  }
  if (points > MAX_POINTS) return null;
  const open: number[] = [];
  let level = 0;
  let out = "";
  let p = p0;
  while (p < len) {
    const c = pc[p];
    if (c === 40 /* ( */) {
      if (pc[p + 1] === 41 || level >= MAXCAPTURES) return null;
      open.push(level++);
      out += "(";
      p++;
      continue;
    }
    if (c === 41 /* ) */) {
      if (open.pop() === undefined) return null;
      out += ")";
      p++;
      continue;
    }
    if (c === 36 /* $ */ && p + 1 === len) {
      out += "$";
      break;
    }
    if (c === L_ESC) {
      const d = pc[p + 1];
      if (d === 98 /* b */) return null;
      if (d === 102 /* f */) {
        p += 2;
        if (pc[p] !== 91 /* [ */) return null;
        const ep = itemEnd(pat, p);
        if (ep < 0) return null;
        out += frontier(pat.tbl[p]!);
        p = ep;
        continue;
      }
      if (d >= 48 && d <= 57) {
        const l = d - 49;
        if (l < 0 || l >= level || open.includes(l)) return null;
        // the groups are numbered as the captures; the next item is never a bare digit
        out += `\\${l + 1}`;
        p += 2;
        continue;
      }
    }
    const ep = itemEnd(pat, p);
    if (ep < 0) return null;
    out += classOf(pat.tbl[p]!);
    const suf = ep < len ? pc[ep] : 0;
    if (suf === 42 /* * */ || suf === 43 /* + */ || suf === 63 /* ? */) {
      out += String.fromCharCode(suf);
      p = ep + 1;
    } else if (suf === 45 /* - */) {
      out += "*?";
      p = ep + 1;
    } else p = ep;
  }
  if (open.length !== 0) return null; // an unfinished capture raises when read
  return out;
}

/** uses of a pattern on short subjects before it becomes a regexp: making one and V8's
 *  compiling it cost about as much as twenty interpreted matches of a short subject, and
 *  this comes before lpcompile.ts's threshold, so the generated matchers are made only for
 *  patterns a regexp cannot express */
const REGEX_AFTER = 3;

/** The regexp of pat from p0, made once per pattern (null: not translatable, or not used
 *  enough yet on short subjects). Anchored patterns match at lastIndex only (sticky),
 *  others search from it (global). */
export function regexFor(pat: Pat, p0: number, slen: number): RegExp | null {
  const r = pat.regex[p0];
  if (r !== undefined) return r;
  if (++pat.regexUses < REGEX_AFTER && slen < LONG_SUBJECT) return null;
  const src = regexSource(pat, p0);
  return (pat.regex[p0] = src === null ? null : new RegExp(src, p0 === 1 ? "y" : "g"));
}

/** Capture i (0-based) of a regexp match, as getCapture gives it: the whole match when the
 *  pattern has no captures. */
export function regexCapture(m: RegExpExecArray, i: number): string {
  if (i >= m.length - 1) {
    if (i !== 0) throw new PatternError(`invalid capture index %${i + 1}`);
    return m[0];
  }
  return m[i + 1];
}

/** All captures of a regexp match (the whole match when there are none). */
export function regexCaptures(m: RegExpExecArray): string[] {
  return m.length === 1 ? [m[0]] : m.slice(1);
}
