// The `regex` table (SPEC B§1.8; argument order `(text, pattern)` kept per A8):
//   regex.match(text, pattern) → boolean            unanchored search
//   regex.find(text, pattern) → nil | { match = s, groups = { [i] = s, [name] = s } }
//                                                    groups that did not take part are absent;
//                                                    named groups also by name (an extension)
//   regex.find_all(text, pattern) → { s, ... }      all non-overlapping matches ({} if none)
//   regex.replace(text, pattern, repl) → string     replaces all matches; `$1`, `$name`,
//                                                    `${name}`, `$$` as Rust's regex crate
// Invalid patterns raise "regex.<fn>: invalid pattern: '<pattern>': <reason>".
//
// The engine is re2js (a JS port of RE2; linear time in the text, so no pattern can hang a
// script). The original used Rust's regex-lite, whose syntax RE2 shares nearly everywhere:
// classes, [[:alpha:]], \d \w \s \b (ASCII-only in both), groups, (?P<name>..) and
// (?<name>..), (?:..), flags (?imsU) and (?flags:..), lazy and counted repetition, \A \z,
// \x7F \x{10FFFF}, and neither has look-around or backreferences. Patterns go through a small
// translation first (translate below) so that these regex-lite forms work too:
//   - verbose mode (?x): whitespace and `#` comments are dropped where the flag is on
//   - \u007F, \u{7F}, \U0000007F, \U{7F} escapes
//   - \s / \S include \v (U+000B), as regex-lite's [\t\n\v\f\r ] (RE2 leaves \v out)
// Differences that remain:
//   - (?i) folds case by Unicode simple folding (é matches É, K matches the Kelvin sign);
//     regex-lite folds ASCII only
//   - \p{Greek}, \pL, \Q..\E and octal \123 work here; regex-lite rejects them
//   - rejected here, accepted by regex-lite: the CRLF flag (?R); word-start/end assertions
//     \< \> \b{start} \b{end} \b{start-half} \b{end-half}; stacked repetition (a{2}{3});
//     counted repetition above 1000; group names with `.`, `[`, `]` or non-ASCII letters
//   - look-around and backreferences are rejected with a message saying so (as regex-lite
//     rejects them, with its own wording)
// Text is matched as UTF-8 bytes, so match positions are byte positions and results are
// exact slices of the Lua string. Unlike the original, text that is not valid UTF-8 is
// accepted: each byte of an invalid sequence matches as U+FFFD (so `.` matches it). Empty
// matches never split a character, and as in Rust (and Go) an empty match right after the
// previous match is skipped: find_all("baaab", "a*") → {"", "aaa", ""}.
import type * as Re2jsModule from "re2js";
import { LuaTable } from "../core/table.js";
import { checkString, libError } from "../lib/aux.js";

type RE2JS = Re2jsModule.RE2JS;
type Matcher = ReturnType<RE2JS["matcher"]>;

// re2js takes ~35 ms to evaluate, so it is evaluated on first use: a plain require, which
// esbuild bundles (a file built by `assay build` carries it) but runs only when called.
let engine: typeof Re2jsModule | null = null;
function re2js(): typeof Re2jsModule {
  return (engine ??= require("re2js") as typeof Re2jsModule);
}

// ---- pattern translation (regex-lite syntax → RE2 syntax) ----

class PatternError {
  constructor(readonly msg: string) {}
}

// Rust's char::is_whitespace (Unicode White_Space), for verbose mode
const WHITE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const HEX = /^[0-9A-Fa-f]+$/;
const SPACE_SET = "\\t\\n\\x0B\\f\\r\\x20";
const NON_SPACE_SET = "\\x00-\\x08\\x0E-\\x1F\\x21-\\x{10FFFF}";

/** One escape sequence starting at p[i] === "\\": its RE2 form and where it ends. */
function escape(p: string, i: number, inClass: boolean): [string, number] {
  const c = p[i + 1];
  if (c === undefined) return ["\\", i + 1]; // RE2 reports the trailing backslash
  switch (c) {
    case "u":
    case "U": {
      if (p[i + 2] === "{") {
        const close = p.indexOf("}", i + 3);
        const hex = close < 0 ? "" : p.slice(i + 3, close);
        if (!HEX.test(hex)) throw new PatternError(`invalid escape \\${c}{...}`);
        return [`\\x{${hex}}`, close + 1];
      }
      const len = c === "u" ? 4 : 8;
      const hex = p.slice(i + 2, i + 2 + len);
      if (hex.length !== len || !HEX.test(hex)) throw new PatternError(`invalid escape \\${c} (needs ${len} hex digits or {...})`);
      return [`\\x{${hex}}`, i + 2 + len];
    }
    case "s":
      return [inClass ? SPACE_SET : `[${SPACE_SET}]`, i + 2];
    case "S":
      return [inClass ? NON_SPACE_SET : `[^${SPACE_SET}]`, i + 2];
    case "<":
    case ">":
      throw new PatternError(`word-start/end assertions (\\< \\>) are not supported`);
    case "b":
      if (!inClass && p[i + 2] === "{") throw new PatternError(`word boundary assertions \\b{...} are not supported`);
      return ["\\b", i + 2];
    case "x":
    case "p":
    case "P":
      if (p[i + 2] === "{") {
        const close = p.indexOf("}", i + 3);
        const end = close < 0 ? p.length : close + 1;
        return [p.slice(i, end), end];
      }
      return [p.slice(i, i + (c === "x" ? 4 : 3)), Math.min(p.length, i + (c === "x" ? 4 : 3))];
    case "Q": {
      // RE2's literal text \Q...\E: copied as is (verbose mode does not apply inside)
      const close = p.indexOf("\\E", i + 2);
      const end = close < 0 ? p.length : close + 2;
      return [p.slice(i, end), end];
    }
  }
  if (c >= "1" && c <= "9") throw new PatternError(`backreferences (\\${c}) are not supported`);
  // one code point (a surrogate pair stays whole)
  const cp = p.codePointAt(i + 1)!;
  const w = cp > 0xffff ? 2 : 1;
  return [p.slice(i, i + 1 + w), i + 1 + w];
}

/** Skips a `#` comment (verbose mode): returns the index after its newline. */
function skipComment(p: string, i: number): number {
  const nl = p.indexOf("\n", i);
  return nl < 0 ? p.length : nl + 1;
}

/** A bracketed class starting at p[i] === "[": its RE2 form and where it ends. */
function charClass(p: string, i: number, verbose: boolean): [string, number] {
  let out = "[";
  i++;
  const skip = (): void => {
    while (verbose && i < p.length) {
      if (WHITE.test(p[i])) i++;
      else if (p[i] === "#") i = skipComment(p, i);
      else break;
    }
  };
  skip();
  if (p[i] === "^") {
    out += "^";
    i++;
    skip();
  }
  if (p[i] === "]") {
    out += "\\]";
    i++;
  }
  while (i < p.length) {
    skip();
    if (i >= p.length) break;
    const c = p[i];
    if (c === "]") return [out + "]", i + 1];
    if (c === "\\") {
      const [t, j] = escape(p, i, true);
      out += t;
      i = j;
    } else if (c === "[" && p[i + 1] === ":") {
      const close = p.indexOf(":]", i + 2);
      const end = close < 0 ? i + 1 : close + 2;
      out += p.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return [out, i]; // unterminated: RE2 reports it
}

/** Rewrites a regex-lite pattern into the RE2 syntax re2js understands (see the top). */
export function translate(p: string): string {
  if (!p.includes("\\") && !p.includes("(?")) return p;
  let out = "";
  let verbose = false;
  const saved: boolean[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (verbose && WHITE.test(c)) {
      i++;
    } else if (verbose && c === "#") {
      i = skipComment(p, i);
    } else if (c === "\\") {
      const [t, j] = escape(p, i, false);
      out += t;
      i = j;
    } else if (c === "[") {
      const [t, j] = charClass(p, i, verbose);
      out += t;
      i = j;
    } else if (c === "(" && p[i + 1] === "?") {
      const at = i + 2;
      if (p.startsWith("=", at) || p.startsWith("!", at) || p.startsWith("<=", at) || p.startsWith("<!", at)) {
        throw new PatternError("look-around ((?=...), (?!...), (?<=...), (?<!...)) is not supported");
      }
      if (p.startsWith("P<", at) || p.startsWith("<", at)) {
        const close = p.indexOf(">", at);
        if (close < 0) return out + p.slice(i); // RE2 reports it
        out += p.slice(i, close + 1);
        saved.push(verbose);
        i = close + 1;
        continue;
      }
      let j = at;
      while (j < p.length && /[A-Za-z-]/.test(p[j])) j++;
      const term = p[j];
      if (term !== ":" && term !== ")") return out + p.slice(i); // malformed: RE2 reports it
      const spec = p.slice(at, j);
      if (spec.includes("R")) throw new PatternError("the CRLF flag (?R) is not supported");
      const dash = spec.indexOf("-");
      const posPart = dash < 0 ? spec : spec.slice(0, dash);
      const negPart = dash < 0 ? "" : spec.slice(dash + 1);
      let on: boolean = verbose;
      if (posPart.includes("x")) on = true;
      if (negPart.includes("x")) on = false;
      const pos = posPart.replace(/x/g, "");
      const neg = negPart.replace(/x/g, "");
      // "(?i-x)" keeps "(?i)"; a dangling "-" or "(?)" stays for RE2 to reject
      const kept = pos + (dash >= 0 && (neg !== "" || negPart === "") ? "-" + neg : "");
      if (term === ")") {
        verbose = on;
        if (kept !== "" || spec === "") out += `(?${kept})`;
      } else {
        saved.push(verbose);
        verbose = on;
        out += `(?${kept}:`;
      }
      i = j + 1;
    } else if (c === "(") {
      saved.push(verbose);
      out += "(";
      i++;
    } else if (c === ")") {
      if (saved.length > 0) verbose = saved.pop()!;
      out += ")";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// ---- compiled patterns ----

interface Compiled {
  re: RE2JS;
  groups: number;
  /** group name → index */
  names: Map<string, number>;
}

const CACHE_SIZE = 256;
const cache = new Map<string, Compiled>();
const utf8 = new TextDecoder("utf-8", { fatal: true });

function invalid(fname: string, pattern: string, reason: string): unknown {
  return libError(fname, `${fname}: invalid pattern: '${pattern}': ${reason}`);
}

/** The compiled form of `pattern` (a Lua byte string), from a small LRU cache. */
function compile(fname: string, pattern: string): Compiled {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  let src: string;
  try {
    src = /[\x80-\xff]/.test(pattern) ? utf8.decode(Buffer.from(pattern, "latin1")) : pattern;
  } catch {
    throw invalid(fname, pattern, "not valid UTF-8");
  }
  let re: RE2JS;
  try {
    re = re2js().RE2JS.compile(translate(src));
  } catch (e) {
    if (e instanceof PatternError) throw invalid(fname, pattern, e.msg);
    const err = e as { error?: unknown; input?: unknown; message?: unknown };
    const reason = typeof err.error === "string" ? err.error + (typeof err.input === "string" ? `: \`${err.input}\`` : "") : String(err.message ?? e);
    throw invalid(fname, pattern, reason);
  }
  const c: Compiled = { re, groups: re.groupCount(), names: new Map(Object.entries(re.namedGroups())) };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(pattern, c);
  return c;
}

/** Byte length of the UTF-8 character at i as re2js decodes it: a strict decoder (no
 *  overlong forms, no surrogates, nothing above U+10FFFF); an invalid byte counts 1. */
function charWidth(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  let size: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) size = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    size = 3;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    size = 4;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 1;
  if (i + size > b.length || b[i + 1] < lo || b[i + 1] > hi) return 1;
  for (let k = 2; k < size; k++) if ((b[i + k] & 0xc0) !== 0x80) return 1;
  return size;
}

/** Calls `each` for every match Rust's find_iter reports: non-overlapping, leftmost-first,
 *  and an empty match right after the previous match skipped. Searches start only at
 *  character boundaries, so an empty match never splits a character. */
function eachMatch(c: Compiled, bytes: Uint8Array, each: (m: Matcher) => void): void {
  const m = c.re.matcher(bytes);
  const n = bytes.length;
  let pos = 0;
  let lastEnd = -1;
  while (pos <= n && m.find(pos)) {
    const s = m.start();
    const e = m.end();
    if (s === e && e === lastEnd) {
      if (e >= n) break;
      pos = e + charWidth(bytes, e);
      continue;
    }
    each(m);
    lastEnd = e;
    pos = s !== e ? e : e >= n ? n + 1 : e + charWidth(bytes, e);
  }
}

// ---- replacement templates (Rust regex interpolation) ----

/** A replacement: literal byte strings and group references (index, -1 = no such group). */
type Template = (string | number)[];

function parseTemplate(r: string, c: Compiled): Template {
  const parts: Template = [];
  let lit = "";
  let i = 0;
  const ref = (name: string): number => {
    if (/^[0-9]+$/.test(name)) {
      const k = Number(name);
      return k <= c.groups ? k : -1;
    }
    return c.names.get(name) ?? -1;
  };
  while (i < r.length) {
    const d = r.indexOf("$", i);
    if (d < 0) break;
    lit += r.slice(i, d);
    if (r[d + 1] === "$") {
      lit += "$";
      i = d + 2;
      continue;
    }
    let name: string | undefined;
    let end = d + 1;
    if (r[d + 1] === "{") {
      const close = r.indexOf("}", d + 2);
      if (close >= 0) {
        name = r.slice(d + 2, close);
        end = close + 1;
      }
    } else {
      let j = d + 1;
      while (j < r.length && /[0-9A-Za-z_]/.test(r[j])) j++;
      if (j > d + 1) {
        name = r.slice(d + 1, j);
        end = j;
      }
    }
    if (name === undefined) {
      // not a reference: the `$` is literal
      lit += "$";
      i = d + 1;
      continue;
    }
    if (lit !== "") parts.push(lit);
    lit = "";
    parts.push(ref(name));
    i = end;
  }
  lit += r.slice(i);
  if (lit !== "") parts.push(lit);
  return parts;
}

// ---- the library ----

const regexLib = {
  match(text: unknown, pattern: unknown): unknown {
    const s = checkString(text, 1, "regex.match", arguments.length > 0);
    const c = compile("regex.match", checkString(pattern, 2, "regex.match", arguments.length > 1));
    return c.re.test(Buffer.from(s, "latin1"));
  },

  find(text: unknown, pattern: unknown): unknown {
    const s = checkString(text, 1, "regex.find", arguments.length > 0);
    const c = compile("regex.find", checkString(pattern, 2, "regex.find", arguments.length > 1));
    const m = c.re.matcher(Buffer.from(s, "latin1"));
    if (!m.find()) return undefined;
    const found = new LuaTable();
    found.setStr("match", s.slice(m.start(), m.end()));
    const groups = new LuaTable();
    for (let g = 1; g <= c.groups; g++) {
      const st = m.start(g);
      if (st >= 0) groups.set(g, s.slice(st, m.end(g)));
    }
    for (const [name, g] of c.names) {
      const st = m.start(g);
      if (st >= 0) groups.setStr(name, s.slice(st, m.end(g)));
    }
    found.setStr("groups", groups);
    return found;
  },

  find_all(text: unknown, pattern: unknown): unknown {
    const s = checkString(text, 1, "regex.find_all", arguments.length > 0);
    const c = compile("regex.find_all", checkString(pattern, 2, "regex.find_all", arguments.length > 1));
    const out: string[] = [];
    eachMatch(c, Buffer.from(s, "latin1"), (m) => {
      out.push(s.slice(m.start(), m.end()));
    });
    return new LuaTable(out);
  },

  replace(text: unknown, pattern: unknown, replacement: unknown): unknown {
    const s = checkString(text, 1, "regex.replace", arguments.length > 0);
    const c = compile("regex.replace", checkString(pattern, 2, "regex.replace", arguments.length > 1));
    const tpl = parseTemplate(checkString(replacement, 3, "regex.replace", arguments.length > 2), c);
    const pieces: string[] = [];
    let last = 0;
    eachMatch(c, Buffer.from(s, "latin1"), (m) => {
      pieces.push(s.slice(last, m.start()));
      for (const part of tpl) {
        if (typeof part === "string") pieces.push(part);
        else if (part >= 0) {
          const st = m.start(part);
          if (st >= 0) pieces.push(s.slice(st, m.end(part)));
        }
      }
      last = m.end();
    });
    if (pieces.length === 0) return s;
    pieces.push(s.slice(last));
    return pieces.join("");
  },
};

export function openRegex(G: LuaTable): void {
  G.setField("regex", LuaTable.library(regexLib));
}
