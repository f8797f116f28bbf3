// The string library (lstrlib.c): registration, the simple functions and the pattern
// functions (find, match, gmatch, gsub). The matcher itself is in lpattern.ts, string.format
// in strformat.ts and pack/unpack/packsize in strpack.ts.
import { LuaTable } from "../core/table.js";
import { checkMemory } from "../core/memory.js";
import { LuaError } from "../core/errors.js";
import { EMPTY, Multi, first } from "../core/multi.js";
import { callable, index, stringMeta, tostr } from "../core/ops.js";
import { LFloat } from "../core/numbers.js";
import { typeName } from "../core/values.js";
import { argError, checkInteger, checkString, libError, optInteger, optString, typeError } from "./aux.js";
import {
  acquireState, releaseState, MatchState, Pat, PatternError, doMatch, getCapture, getCaptures, getPat, nextCandidate, reprep,
} from "./lpattern.js";
import { Compiled, compiledFor } from "./lpcompile.js";
import { regexCapture, regexCaptures, regexFor } from "./lpregex.js";
import { format } from "./strformat.js";
import { pack, packsize, unpack } from "./strpack.js";
import { ByteOut, MAX_STRING, acquireOut, releaseOut } from "./strbuf.js";

export { MAX_STRING };

// ---- positions ----

/** posrelatI: a start position, negative from the end, clipped to [1, inf). */
export function posrelatI(pos: number | bigint, len: number): number {
  if (typeof pos === "bigint") return pos > 0n ? Number.MAX_SAFE_INTEGER : 1;
  if (pos > 0) return pos;
  if (pos === 0) return 1;
  if (pos < -len) return 1;
  return len + pos + 1;
}

/** getendpos: an end position, negative from the end, clipped to [0, len]. */
function endpos(pos: number | bigint, len: number): number {
  if (typeof pos === "bigint") return pos > 0n ? len : 0;
  if (pos > len) return len;
  if (pos >= 0) return pos;
  if (pos < -len) return 0;
  return len + pos + 1;
}

const NON_ASCII = /[\x80-\xff]/;

// ---- pattern matching ----

/** luaL_error from inside the matcher, positioned at the Lua code that called `fname`. */
function patternError(fname: string, e: unknown): unknown {
  if (e instanceof PatternError) return libError(fname, e.msg);
  if (e instanceof RangeError && /string length/i.test(e.message)) return libError(fname, "not enough memory");
  return e;
}

const SPECIALS = /[\^$*+?.(\[%-]/;

function findAux(isFind: boolean, fname: string, s: unknown, p: unknown, init: unknown, plain: unknown, nargs: number): unknown {
  const str = checkString(s, 1, fname, nargs > 0);
  const ps = checkString(p, 2, fname, nargs > 1);
  const ls = str.length;
  const start = posrelatI(optInteger(init, 3, fname, 1), ls) - 1;
  if (start > ls) return undefined;
  if (isFind && ((plain !== undefined && plain !== false) || (ps.length > 2000 ? !SPECIALS.test(ps) : getPat(ps).plain))) {
    const i = str.indexOf(ps, start);
    if (i < 0) return undefined;
    return new Multi([i + 1, i + ps.length]);
  }
  const anchor = ps.charCodeAt(0) === 94; /* ^ */
  const p0 = anchor ? 1 : 0;
  const pat = getPat(ps);
  const rx = regexFor(pat, p0, ls);
  if (rx !== null) {
    const m = execAt(rx, str, start);
    if (m !== FALLBACK) return m === null ? undefined : findRegexResult(isFind, m);
  }
  const cp = compiledFor(pat, p0, ls);
  try {
    return cp !== null ? findCompiled(isFind, cp, str, pat, start, anchor) : findInterpreted(isFind, str, pat, start, anchor);
  } catch (e) {
    throw patternError(fname, e);
  }
}

// find and match run no Lua code while matching: one state serves every compiled search
const findState = new MatchState("", getPat(""), false);

function findCompiled(isFind: boolean, cp: Compiled, str: string, pat: Pat, start: number, anchor: boolean): unknown {
  const ms = findState;
  ms.src = str;
  ms.slen = str.length;
  ms.pat = pat;
  let r: unknown = undefined;
  if (anchor) {
    const e = cp.match(ms, start);
    if (e !== -1) r = findResult(isFind, ms, start, e);
  } else {
    const s1 = cp.search(ms, start);
    if (s1 >= 0) r = findResult(isFind, ms, s1, ms.end);
  }
  ms.src = "";
  return r;
}

function findInterpreted(isFind: boolean, str: string, pat: Pat, start: number, anchor: boolean): unknown {
  const p0 = anchor ? 1 : 0;
  const ms = acquireState(str, pat);
  try {
    let s1 = start;
    do {
      reprep(ms);
      if (!anchor) s1 = nextCandidate(ms, s1, p0);
      const res = doMatch(ms, s1, p0);
      if (res !== -1) return findResult(isFind, ms, s1, res);
    } while (s1++ < str.length && !anchor);
  } finally {
    releaseState(ms);
  }
  return undefined;
}

/** execAt's answer when the regexp ran out of backtracking stack: match with the Lua
 *  matchers instead (they need none for repetitions) */
const FALLBACK = 0;

/** The first match of a pattern's regexp from position i (at i only when it is sticky). */
function execAt(rx: RegExp, str: string, i: number): RegExpExecArray | null | typeof FALLBACK {
  rx.lastIndex = i;
  try {
    return rx.exec(str);
  } catch (e) {
    if (e instanceof RangeError) return FALLBACK;
    throw e;
  }
}

/** What find or match returns for a regexp match. */
function findRegexResult(isFind: boolean, m: RegExpExecArray): unknown {
  const n = m.length - 1;
  if (isFind) {
    const s = m.index;
    if (n === 0) return new Multi([s + 1, s + m[0].length]);
    const out = new Array<unknown>(n + 2);
    out[0] = s + 1;
    out[1] = s + m[0].length;
    for (let i = 1; i <= n; i++) out[i + 1] = m[i];
    return new Multi(out);
  }
  return n <= 1 ? m[n] : new Multi(m.slice(1));
}

/** What find (positions, then captures) or match (captures) returns for a match s..e. */
function findResult(isFind: boolean, ms: MatchState, s: number, e: number): unknown {
  if (isFind) {
    const n = ms.level;
    if (n === 0) return new Multi([s + 1, e]);
    const out = new Array<unknown>(n + 2);
    out[0] = s + 1;
    out[1] = e;
    for (let i = 0; i < n; i++) out[i + 2] = getCapture(ms, i, s, e);
    return new Multi(out);
  }
  if (ms.level <= 1) return getCapture(ms, 0, s, e);
  return new Multi(getCaptures(ms, s, e, true));
}

/** A replacement string split at its '%' escapes: literal text, capture numbers (0 = the
 *  whole match, 1-9), and -1 where an invalid escape raises its error when reached. */
function parseRepl(r: string): (string | number)[] {
  const parts: (string | number)[] = [];
  let from = 0;
  for (;;) {
    const i = r.indexOf("%", from);
    if (i < 0) break;
    if (i > from) parts.push(r.slice(from, i));
    const c = i + 1 < r.length ? r.charCodeAt(i + 1) : 0;
    if (c === 37) parts.push("%");
    else if (c >= 48 && c <= 57) parts.push(c - 48);
    else {
      parts.push(-1);
      return parts;
    }
    from = i + 2;
  }
  if (from < r.length) parts.push(r.slice(from));
  return parts;
}

// The library functions are methods of an object literal: their JS names are then exactly the
// Lua names even in the bundle (esbuild renames colliding top-level functions such as `char`),
// and argument errors find the builtin's frame by that name.
const fns = {
  len(s: unknown): unknown {
    return checkString(s, 1, "string.len", arguments.length > 0).length;
  },

  sub(s: unknown, i: unknown, j: unknown): unknown {
    const str = checkString(s, 1, "string.sub", arguments.length > 0);
    const l = str.length;
    const start = posrelatI(checkInteger(i, 2, "string.sub", arguments.length > 1), l);
    const end = j === undefined ? l : endpos(checkInteger(j, 3, "string.sub"), l);
    if (start > end) return "";
    if (start === 1 && end === l) return str;
    return str.slice(start - 1, end);
  },

  reverse(s: unknown): unknown {
    const str = checkString(s, 1, "string.reverse", arguments.length > 0);
    const n = str.length;
    if (n < 2) return str;
    let out = "";
    const CH = 8192;
    const codes = new Array<number>(Math.min(n, CH));
    for (let k = n; k > 0; ) {
      const m = Math.min(CH, k);
      if (codes.length !== m) codes.length = m;
      for (let i = 0; i < m; i++) codes[i] = str.charCodeAt(k - 1 - i);
      out += String.fromCharCode.apply(null, codes);
      k -= m;
    }
    return out;
  },

  lower(s: unknown): unknown {
    const str = checkString(s, 1, "string.lower", arguments.length > 0);
    if (!NON_ASCII.test(str)) return str.toLowerCase();
    return str.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  },

  upper(s: unknown): unknown {
    const str = checkString(s, 1, "string.upper", arguments.length > 0);
    if (!NON_ASCII.test(str)) return str.toUpperCase();
    return str.replace(/[a-z]+/g, (m) => m.toUpperCase());
  },

  rep(s: unknown, n: unknown, sep: unknown): unknown {
    const str = checkString(s, 1, "string.rep", arguments.length > 0);
    const count = checkInteger(n, 2, "string.rep", arguments.length > 1);
    const sp = optString(sep, 3, "string.rep", "");
    if (count <= 0) return "";
    const unit = str.length + sp.length;
    if (unit === 0) return "";
    // C checks len + lsep > MAXSIZE / n, where lstrlib.c's MAXSIZE is INT_MAX; a result
    // below that which does not fit (the memory limit, or JS's longest string) is Lua's
    // memory error
    // (unit > MAXSIZE / n in C's integer division is unit * n > MAXSIZE; a double product
    // compares with MAXSIZE as the exact one does)
    if (typeof count === "number" ? unit * count > 2147483647 : BigInt(unit) > 2147483647n / count) {
      throw libError("string.rep", "resulting string too large");
    }
    const size = unit * Number(count) - sp.length;
    if (size > 1048576) checkMemory(size);
    if (typeof count === "bigint" || size > MAX_STRING) throw new LuaError("not enough memory");
    if (count === 1) return str;
    if (sp.length === 0) return str.repeat(count);
    return (str + sp).repeat(count - 1) + str;
  },

  byte(s: unknown, i: unknown, j: unknown): unknown {
    // s:byte(k) for an integer k inside the string: the common call, answered directly
    if (typeof s === "string" && typeof i === "number" && j === undefined && (i | 0) === i) {
      const l = s.length;
      if (i > 0 ? i <= l : i < 0 && i >= -l) return s.charCodeAt(i > 0 ? i - 1 : l + i);
    }
    const str = checkString(s, 1, "string.byte", arguments.length > 0);
    const l = str.length;
    const pi = optInteger(i, 2, "string.byte", 1);
    const posi = posrelatI(pi, l);
    const pose = j === undefined ? endpos(pi, l) : endpos(checkInteger(j, 3, "string.byte"), l);
    if (posi > pose) return EMPTY;
    if (pose - posi >= 2147483647) throw libError("string.byte", "string slice too long");
    const n = pose - posi + 1;
    if (n === 1) return str.charCodeAt(posi - 1);
    // Lua's stack holds at most LUAI_MAXSTACK (1,000,000) values
    if (n >= 999900) throw libError("string.byte", "stack overflow (string slice too long)");
    const out = new Array<unknown>(n);
    for (let k = 0; k < n; k++) out[k] = str.charCodeAt(posi - 1 + k);
    return new Multi(out);
  },

  char(...args: unknown[]): unknown {
    const n = args.length;
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const c = checkInteger(args[i], i + 1, "string.char");
      if (typeof c === "bigint" || c < 0 || c > 255) throw argError(i + 1, "string.char", "value out of range");
      codes[i] = c;
    }
    if (n === 1) return String.fromCharCode(codes[0]);
    let out = "";
    for (let k = 0; k < n; k += 8192) out += String.fromCharCode.apply(null, codes.slice(k, k + 8192));
    return out;
  },

  dump(f: unknown): unknown {
    if (typeof f !== "function") throw typeError(1, "string.dump", "function", f, arguments.length > 0);
    throw libError("string.dump", "unable to dump given function");
  },

  find(s: unknown, p: unknown, init: unknown, plain: unknown): unknown {
    return findAux(true, "string.find", s, p, init, plain, arguments.length);
  },

  match(s: unknown, p: unknown, init: unknown): unknown {
    return findAux(false, "string.match", s, p, init, undefined, arguments.length);
  },

  gmatch(s: unknown, p: unknown, init: unknown): unknown {
    const str = checkString(s, 1, "string.gmatch", arguments.length > 0);
    const ps = checkString(p, 2, "string.gmatch", arguments.length > 1);
    const ls = str.length;
    let src = posrelatI(optInteger(init, 3, "string.gmatch", 1), ls) - 1;
    if (src > ls) src = ls + 1;
    const pat = getPat(ps);
    let rx = regexFor(pat, 0, ls);
    const cp = rx === null ? compiledFor(pat, 0, ls) : null;
    let state = rx === null ? new MatchState(str, pat, cp === null) : null;
    let lastmatch = -1;
    return function gmatch_aux(): unknown {
      if (rx !== null) {
        while (src <= ls) {
          const m = execAt(rx, str, src);
          if (m === null) break;
          if (m === FALLBACK) {
            rx = null;
            state = new MatchState(str, pat);
            break;
          }
          const start = m.index;
          const e = start + m[0].length;
          if (e !== lastmatch) {
            src = lastmatch = e;
            return m.length <= 2 ? m[m.length - 1] : new Multi(m.slice(1));
          }
          src = start + 1;
        }
        if (rx !== null) {
          src = ls + 1;
          return EMPTY;
        }
      }
      const ms = state!;
      try {
        if (cp !== null) {
          while (src <= ls) {
            const start = cp.search(ms, src);
            if (start < 0) break;
            const e = ms.end;
            if (e !== lastmatch) {
              src = lastmatch = e;
              if (ms.level <= 1) return getCapture(ms, 0, start, e);
              return new Multi(getCaptures(ms, start, e, true));
            }
            src = start + 1;
          }
          src = ls + 1;
          return EMPTY;
        }
        for (; src <= ls; src++) {
          reprep(ms);
          src = nextCandidate(ms, src, 0);
          const e = doMatch(ms, src, 0);
          if (e !== -1 && e !== lastmatch) {
            const start = src;
            src = lastmatch = e;
            if (ms.level <= 1) return getCapture(ms, 0, start, e);
            return new Multi(getCaptures(ms, start, e, true));
          }
        }
      } catch (e) {
        if (e instanceof PatternError) throw libError("gmatch_aux", e.msg);
        throw e;
      }
      return EMPTY;
    };
  },

  gsub(s: unknown, p: unknown, repl: unknown, max: unknown): unknown {
    const src = checkString(s, 1, "string.gsub", arguments.length > 0);
    const ps = checkString(p, 2, "string.gsub", arguments.length > 1);
    const slen = src.length;
    const tr = typeof repl;
    const maxI = optInteger(max, 4, "string.gsub", slen + 1);
    const maxS = typeof maxI === "bigint" ? (maxI > 0n ? Infinity : 0) : maxI;
    let kind: number; // 0 string, 1 function, 2 table
    let parts: (string | number)[] = [];
    if (tr === "string") kind = 0;
    else if (tr === "number" || tr === "bigint" || repl instanceof LFloat) {
      kind = 0;
      repl = tostr(repl);
    } else if (tr === "function") kind = 1;
    else if (repl instanceof LuaTable) kind = 2;
    else throw typeError(3, "string.gsub", "string/function/table", repl, arguments.length > 2);
    if (kind === 0) parts = parseRepl(repl as string);
    const fn = kind === 1 ? callable(repl) : null;
    const anchor = ps.charCodeAt(0) === 94;
    const p0 = anchor ? 1 : 0;
    const pat = getPat(ps);
    let rx = regexFor(pat, p0, slen);
    const cp = rx === null ? compiledFor(pat, p0, slen) : null;
    // the Lua matchers' state (none while the regexp matches)
    let ms = rx === null ? acquireState(src, pat) : null;
    const out = acquireOut();
    let copyFrom = 0; // start of source text not yet added to `out`
    let pos = 0;
    let lastmatch = -1;
    let n = 0;
    try {
      while (n < maxS) {
        let start = pos;
        let e: number;
        let m: RegExpExecArray | null = null;
        if (rx !== null) {
          const r = execAt(rx, src, pos);
          if (r === FALLBACK) {
            rx = null;
            ms = acquireState(src, pat);
            continue;
          }
          if (r === null) break;
          m = r;
          start = r.index;
          e = start + r[0].length;
        } else if (cp !== null) {
          if (anchor) e = cp.match(ms!, pos);
          else {
            start = cp.search(ms!, pos);
            e = start < 0 ? -1 : ms!.end;
          }
          if (e === -1) break; // no match from pos on
        } else {
          reprep(ms!);
          if (!anchor) start = pos = nextCandidate(ms!, pos, p0);
          e = doMatch(ms!, pos, p0);
        }
        if (e !== -1 && e !== lastmatch) {
          n++;
          if (start > copyFrom) {
            if (ms === null) out.part(src, copyFrom, start);
            else out.bytes(ms.b, copyFrom, start);
          }
          // add_value; Lua code is called from this frame, so error levels count from gsub
          if (m !== null) {
            if (kind === 0) addRegexString(out, parts, m);
            else {
              const v = kind === 2 ? index(repl, regexCapture(m, 0))
                : first(m.length <= 2 ? fn!(m[m.length - 1]) : fn!(...regexCaptures(m)));
              const t = replacementText(v);
              out.str(t === null ? m[0] : t);
            }
          } else if (kind === 0) addString(ms!, out, parts, start, e);
          else {
            const st = ms!;
            const whole = st.level <= 1;
            const v = kind === 2 ? index(repl, getCapture(st, 0, start, e))
              : first(whole ? fn!(getCapture(st, 0, start, e)) : fn!(...getCaptures(st, start, e, true)));
            addResult(st, out, v, start, e);
          }
          pos = lastmatch = copyFrom = e;
        } else if (start < slen) pos = start + 1;
        else break;
        if (anchor) break;
      }
      if (n === 0) return new Multi([src, 0]);
      if (copyFrom < slen) {
        if (ms === null) out.part(src, copyFrom, slen);
        else out.bytes(ms.b, copyFrom, slen);
      }
      return new Multi([out.result(), n]);
    } catch (e) {
      throw patternError("string.gsub", e);
    } finally {
      if (ms !== null) releaseState(ms);
      releaseOut(out);
    }
  },
};

/** A replacement string: literal parts and captures (%0 the whole match). */
function addString(ms: MatchState, out: ByteOut, parts: (string | number)[], s: number, e: number): void {
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (typeof part === "string") out.str(part);
    else if (part === 0) out.bytes(ms.b, s, e);
    else if (part > 0) {
      const c = getCapture(ms, part - 1, s, e);
      out.str(typeof c === "string" ? c : String(c));
    } else throw new PatternError("invalid use of '%' in replacement string");
  }
}

/** A replacement string, for a regexp match. */
function addRegexString(out: ByteOut, parts: (string | number)[], m: RegExpExecArray): void {
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (typeof part === "string") out.str(part);
    else if (part === 0) out.str(m[0]);
    else if (part > 0) out.str(regexCapture(m, part - 1));
    else throw new PatternError("invalid use of '%' in replacement string");
  }
}

/** The text a function or table result puts in place of a match; null (for false or nil)
 *  keeps the match. */
function replacementText(v: unknown): string | null {
  if (v === undefined || v === false) return null;
  if (typeof v === "string") return v;
  const rs = tostr(v);
  if (rs === undefined) throw libError("string.gsub", `invalid replacement value (a ${typeName(v)})`);
  return rs;
}

/** The value a function or table gave: false or nil keep the match. */
function addResult(ms: MatchState, out: ByteOut, v: unknown, s: number, e: number): void {
  const t = replacementText(v);
  if (t === null) out.bytes(ms.b, s, e);
  else out.str(t);
}

// ---- registration ----

export function openString(G: LuaTable): LuaTable {
  const all: Record<string, Function> = { ...fns, format, pack, packsize, unpack };
  const lib = LuaTable.library(Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]])));
  G.setField("string", lib);
  const mt = new LuaTable();
  mt.setStr("__index", lib);
  stringMeta.mt = mt;
  return lib;
}

