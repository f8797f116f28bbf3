// Lua 5.4 patterns (lstrlib.c's matcher), ported structure for structure so that results,
// error messages and the "pattern too complex" depth limit (MAXCCALLS = 200 nested `match`
// calls) behave exactly as in C. Recursion happens only where C recurses (captures, `?`,
// repetitions trying the rest of the pattern), never once per subject character, so the
// JS stack stays shallow on subjects of any length.
//
// Speed: subjects are scanned as bytes (a Buffer: small subjects are copied into a scratch
// buffer of the match state, large ones converted once and cached), and every
// single-character class becomes a 256-entry membership table (cached per pattern), so
// matching one character is one table lookup. Where the pattern item that must come next
// (after a repetition, or at the start of a match, looking through captures) is a
// single-character class that cannot match empty, subject positions it cannot match are
// skipped without calling `match` — only where the skipped call could not have raised an
// error ("pattern too complex", "too many captures", "invalid pattern capture", or a
// malformed item), so results and errors stay those of C.

import type { Compiled } from "./lpcompile.js";

export const CAP_UNFINISHED = -1;
export const CAP_POSITION = -2;
const MAXCAPTURES = 32;
const MAXCCALLS = 200;

const L_ESC = 37; // '%'

/** Thrown for errors raised while matching (luaL_error); the caller adds the position. */
export class PatternError {
  constructor(readonly msg: string) {}
}

// ---- character classes (C locale) ----

function isalpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isdigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function islower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isupper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isalnum(c: number): boolean {
  return isalpha(c) || isdigit(c);
}
function iscntrl(c: number): boolean {
  return c < 32 || c === 127;
}
function isgraph(c: number): boolean {
  return c > 32 && c < 127;
}
function ispunct(c: number): boolean {
  return isgraph(c) && !isalnum(c);
}
function isspace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isxdigit(c: number): boolean {
  return isdigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function tolower(c: number): number {
  return isupper(c) ? c + 32 : c;
}

export function matchClass(c: number, cl: number): boolean {
  let res: boolean;
  switch (tolower(cl)) {
    case 97 /* a */:
      res = isalpha(c);
      break;
    case 99 /* c */:
      res = iscntrl(c);
      break;
    case 100 /* d */:
      res = isdigit(c);
      break;
    case 103 /* g */:
      res = isgraph(c);
      break;
    case 108 /* l */:
      res = islower(c);
      break;
    case 112 /* p */:
      res = ispunct(c);
      break;
    case 115 /* s */:
      res = isspace(c);
      break;
    case 117 /* u */:
      res = isupper(c);
      break;
    case 119 /* w */:
      res = isalnum(c);
      break;
    case 120 /* x */:
      res = isxdigit(c);
      break;
    case 122 /* z */:
      res = c === 0;
      break;
    default:
      return cl === c;
  }
  return islower(cl) ? res : !res;
}

/** C's matchbracketclass: p at '[', ec at the closing ']'. */
function matchBracketClass(c: number, pc: Uint8Array, p: number, ec: number): boolean {
  let sig = true;
  if (pc[p + 1] === 94 /* ^ */) {
    sig = false;
    p++;
  }
  while (++p < ec) {
    if (pc[p] === L_ESC) {
      p++;
      if (matchClass(c, pc[p])) return sig;
    } else if (pc[p + 1] === 45 /* - */ && p + 2 < ec) {
      p += 2;
      if (pc[p - 2] <= c && c <= pc[p]) return sig;
    } else if (pc[p] === c) return sig;
  }
  return !sig;
}

// shared membership tables (made on first use: 256 typed arrays cost start-up ~0.3 ms)
export const ANY = new Uint8Array(256).fill(1);
const LIT: Uint8Array[] = [];
const CLASS: Uint8Array[] = [];

/** The table of the one character c. */
function litTable(c: number): Uint8Array {
  let t = LIT[c];
  if (t === undefined) {
    t = new Uint8Array(256);
    t[c] = 1;
    LIT[c] = t;
  }
  return t;
}

function classTable(cl: number): Uint8Array {
  let t = CLASS[cl];
  if (t === undefined) {
    t = new Uint8Array(256);
    for (let c = 0; c < 256; c++) t[c] = matchClass(c, cl) ? 1 : 0;
    CLASS[cl] = t;
  }
  return t;
}

// ---- compiled patterns ----

/** A pattern with lazily computed per-position item information. */
export class Pat {
  readonly len: number;
  /** the pattern bytes followed by a 0 (C's terminating NUL, which the matcher reads) */
  readonly pc: Uint8Array;
  /** classend result per item start (0: not computed yet) */
  readonly ep: Int32Array;
  /** membership table per item start */
  readonly tbl: (Uint8Array | undefined)[];
  /** per position: 1 = the item there is a single-char class that cannot match empty,
   *  2 = it is not, 0 = not known yet */
  readonly req: Uint8Array;
  /** whether the pattern has none of the special characters (plain find) */
  readonly plain: boolean;
  /** per start position (0, or 1 after '^'): how a match can start (see startInfo) */
  readonly startKind = new Uint8Array(2);
  readonly startTbl: (Uint8Array | undefined)[] = [undefined, undefined];
  readonly startChar: string[] = ["", ""];
  /** the compiled matcher per start position (null: not compilable; see lpcompile.ts) */
  readonly compiled: (Compiled | null | undefined)[] = [undefined, undefined];
  /** the pattern as a regexp per start position (null: not translatable; see lpregex.ts) */
  readonly regex: (RegExp | null | undefined)[] = [undefined, undefined];
  /** how often the pattern was used before being made a regexp */
  regexUses = 0;
  /** how often the pattern was used before being compiled */
  uses = 0;

  constructor(readonly src: string) {
    const n = src.length;
    this.len = n;
    const pc = new Uint8Array(n + 1);
    for (let i = 0; i < n; i++) pc[i] = src.charCodeAt(i);
    this.pc = pc;
    this.ep = new Int32Array(n + 1);
    this.tbl = new Array(n + 1);
    this.req = new Uint8Array(n + 1);
    this.plain = !/[\^$*+?.(\[%-]/.test(src);
  }

  /** C's classend, memoised, plus the item's membership table. */
  item(p: number): number {
    const e = this.ep[p];
    if (e !== 0) return e;
    const pc = this.pc;
    const pend = this.len;
    let q = p;
    let tbl: Uint8Array;
    switch (pc[q++]) {
      case L_ESC:
        if (q === pend) throw new PatternError("malformed pattern (ends with '%')");
        q++;
        tbl = classTable(pc[p + 1]);
        break;
      case 91 /* [ */: {
        if (pc[q] === 94 /* ^ */) q++;
        do {
          if (q === pend) throw new PatternError("malformed pattern (missing ']')");
          if (pc[q++] === L_ESC && q < pend) q++;
        } while (pc[q] !== 93 /* ] */);
        q++;
        tbl = new Uint8Array(256);
        for (let c = 0; c < 256; c++) tbl[c] = matchBracketClass(c, pc, p, q - 1) ? 1 : 0;
        break;
      }
      case 46 /* . */:
        tbl = ANY;
        break;
      default:
        tbl = litTable(pc[p]);
    }
    this.tbl[p] = tbl;
    this.ep[p] = q;
    return q;
  }

  /** Whether a match starting at pattern position p needs its first subject character to be
   *  in a fixed table (the item at p is a plain single-char class, suffix none or '+').
   *  Computing it runs classend on that item, which every caller is about to do anyway. */
  required(p: number): boolean {
    const r = this.req[p];
    if (r !== 0) return r === 1;
    const pc = this.pc;
    let ok = false;
    if (p < this.len) {
      const c = pc[p];
      if (c === 40 || c === 41) ok = false;
      else if (c === 36 /* $ */ && p + 1 === this.len) ok = false;
      else if (c === L_ESC && (pc[p + 1] === 98 || pc[p + 1] === 102 || isdigit(pc[p + 1]))) ok = false;
      else {
        const ep = this.item(p);
        const s = pc[ep];
        ok = !(s === 42 || s === 63 || s === 45);
      }
    }
    this.req[p] = ok ? 1 : 2;
    return ok;
  }
}

const cache = new Map<string, Pat>();

// the last pattern looked up (a loop usually uses one pattern again and again)
let lastPat: Pat | null = null;

export function getPat(p: string): Pat {
  if (lastPat !== null && lastPat.src === p) return lastPat;
  let pat = cache.get(p);
  if (pat === undefined) {
    pat = new Pat(p);
    if (p.length <= 2000) {
      if (cache.size >= 512) cache.clear();
      cache.set(p, pat);
    }
  }
  lastPat = pat;
  return pat;
}

// ---- matching ----

const SCRATCH = 512;

export class MatchState {
  src: string;
  /** the subject's bytes; only indices below slen are meaningful */
  b: Buffer;
  slen: number;
  pat: Pat;
  level = 0;
  depth = MAXCCALLS;
  /** the end of the match a compiled search found */
  end = 0;
  readonly capInit = new Int32Array(MAXCAPTURES);
  readonly capLen = new Int32Array(MAXCAPTURES);
  readonly scratch = Buffer.allocUnsafeSlow(SCRATCH);

  /** `bytes` false: the subject's bytes are not needed (a compiled pattern reads the string) */
  constructor(src: string, pat: Pat, bytes = true) {
    this.src = src;
    this.slen = src.length;
    this.pat = pat;
    this.b = bytes ? bytesOf(this, src) : this.scratch;
  }
}

// the last large subject and its bytes (matching in a loop over one text is common)
let bigSrc = "";
let bigBytes = Buffer.alloc(0);

/** The bytes of a subject (always a Buffer, so that element loads stay monomorphic). */
function bytesOf(ms: MatchState, src: string): Buffer {
  const n = src.length;
  if (n <= SCRATCH) {
    const b = ms.scratch;
    if (n < 16) for (let i = 0; i < n; i++) b[i] = src.charCodeAt(i);
    else b.write(src, 0, n, "latin1");
    return b;
  }
  if (src === bigSrc) return bigBytes;
  bigBytes = Buffer.from(src, "latin1");
  bigSrc = src;
  return bigBytes;
}

// states are reused: a match may run Lua code (gsub callbacks) that matches again, so each
// running match holds its own state until it releases it
const pool: MatchState[] = [];

export function acquireState(src: string, pat: Pat, bytes = true): MatchState {
  const ms = pool.pop();
  if (ms === undefined) return new MatchState(src, pat, bytes);
  ms.src = src;
  ms.slen = src.length;
  ms.pat = pat;
  ms.b = bytes ? bytesOf(ms, src) : ms.scratch;
  return ms;
}

export function releaseState(ms: MatchState): void {
  ms.src = "";
  ms.b = ms.scratch;
  if (pool.length < 32) pool.push(ms);
}

/** C's match: the end of the match of pattern position p at subject position s, or -1. */
export function doMatch(ms: MatchState, s: number, p: number): number {
  if (ms.depth-- === 0) throw new PatternError("pattern too complex");
  const pat = ms.pat;
  const pc = pat.pc;
  const pend = pat.len;
  const b = ms.b;
  const slen = ms.slen;
  loop: while (p !== pend) {
    dflt: {
      switch (pc[p]) {
        case 40 /* ( */:
          if (pc[p + 1] === 41) s = startCapture(ms, s, p + 2, CAP_POSITION);
          else s = startCapture(ms, s, p + 1, CAP_UNFINISHED);
          break loop;
        case 41 /* ) */:
          s = endCapture(ms, s, p + 1);
          break loop;
        case 36 /* $ */:
          if (p + 1 !== pend) break dflt;
          if (s !== slen) s = -1;
          break loop;
        case L_ESC:
          switch (pc[p + 1]) {
            case 98 /* b */:
              s = matchBalance(ms, s, p + 2);
              if (s !== -1) {
                p += 4;
                continue loop;
              }
              break loop;
            case 102 /* f */: {
              p += 2;
              if (pc[p] !== 91) throw new PatternError("missing '[' after '%f' in pattern");
              const ep = pat.item(p);
              const tbl = pat.tbl[p]!;
              const prev = s === 0 ? 0 : b[s - 1];
              const cur = s < slen ? b[s] : 0;
              if (tbl[prev] === 0 && tbl[cur] === 1) {
                p = ep;
                continue loop;
              }
              s = -1;
              break loop;
            }
            case 48:
            case 49:
            case 50:
            case 51:
            case 52:
            case 53:
            case 54:
            case 55:
            case 56:
            case 57:
              s = matchCapture(ms, s, pc[p + 1]);
              if (s !== -1) {
                p += 2;
                continue loop;
              }
              break loop;
            default:
              break dflt;
          }
      }
    }
    // pattern class plus optional suffix
    let ep = pat.ep[p];
    if (ep === 0) ep = pat.item(p);
    const suf = pc[ep];
    if (!(s < slen && pat.tbl[p]![b[s]] === 1)) {
      if (suf === 42 || suf === 63 || suf === 45) {
        // '*', '?', '-' accept empty
        p = ep + 1;
        continue loop;
      }
      s = -1;
      break loop;
    }
    switch (suf) {
      case 63 /* ? */: {
        const res = doMatch(ms, s + 1, ep + 1);
        if (res !== -1) s = res;
        else {
          p = ep + 1;
          continue loop;
        }
        break loop;
      }
      case 43 /* + */:
        s = maxExpand(ms, s + 1, p, ep);
        break loop;
      case 42 /* * */:
        s = maxExpand(ms, s, p, ep);
        break loop;
      case 45 /* - */:
        s = minExpand(ms, s, p, ep);
        break loop;
      default:
        s++;
        p = ep;
        continue loop;
    }
  }
  ms.depth++;
  return s;
}

/** The pattern position whose item every match from position q must start with (a single
 *  character class that cannot match empty), looking through captures opened or closed right
 *  at q; -1 if there is none, or if a call that the caller would skip could raise an error
 *  ("pattern too complex", "too many captures", "invalid pattern capture") instead of
 *  failing. */
function decisive(ms: MatchState, q: number): number {
  const pat = ms.pat;
  const pc = pat.pc;
  let d = q;
  let k = 0;
  if (pc[d] === 41 /* ) */) {
    while (pc[d] === 41 && d < pat.len) {
      d++;
      k++;
    }
    let open = 0;
    for (let l = ms.level - 1; l >= 0; l--) if (ms.capLen[l] === CAP_UNFINISHED) open++;
    if (open < k) return -1;
  } else if (pc[d] === 40 /* ( */) {
    while (pc[d] === 40 && d < pat.len) {
      d += pc[d + 1] === 41 ? 2 : 1;
      k++;
    }
    if (ms.level + k > MAXCAPTURES) return -1;
  }
  if (ms.depth <= k) return -1;
  const r = pat.req[d];
  return r === 1 || (r === 0 && pat.required(d)) ? d : -1;
}

function maxExpand(ms: MatchState, s: number, p: number, ep: number): number {
  const src = ms.b;
  const slen = ms.slen;
  const tbl = ms.pat.tbl[p]!;
  let i = 0;
  if (tbl === ANY) i = slen - s;
  else while (s + i < slen && tbl[src[s + i]] === 1) i++;
  const q = ep + 1;
  const d = decisive(ms, q);
  if (d >= 0) {
    // the rest must start with a character of `next`: try only those positions
    const next = ms.pat.tbl[d]!;
    while (i >= 0) {
      const k = s + i;
      if (k < slen && next[src[k]] === 1) {
        const res = doMatch(ms, k, q);
        if (res !== -1) return res;
      }
      i--;
    }
    return -1;
  }
  while (i >= 0) {
    const res = doMatch(ms, s + i, q);
    if (res !== -1) return res;
    i--;
  }
  return -1;
}

function minExpand(ms: MatchState, s: number, p: number, ep: number): number {
  const src = ms.b;
  const slen = ms.slen;
  const tbl = ms.pat.tbl[p]!;
  const q = ep + 1;
  const d = decisive(ms, q);
  if (d >= 0) {
    const next = ms.pat.tbl[d]!;
    for (;;) {
      // advance to a position where the rest can start, as long as this item keeps matching
      while (s < slen) {
        const c = src[s];
        if (next[c] === 1) break;
        if (tbl[c] !== 1) return -1;
        s++;
      }
      if (s >= slen) return -1;
      const res = doMatch(ms, s, q);
      if (res !== -1) return res;
      if (tbl[src[s]] === 1) s++;
      else return -1;
    }
  }
  for (;;) {
    const res = doMatch(ms, s, q);
    if (res !== -1) return res;
    if (s < slen && tbl[src[s]] === 1) s++;
    else return -1;
  }
}

function startCapture(ms: MatchState, s: number, p: number, what: number): number {
  const level = ms.level;
  if (level >= MAXCAPTURES) throw new PatternError("too many captures");
  ms.capInit[level] = s;
  ms.capLen[level] = what;
  ms.level = level + 1;
  const res = doMatch(ms, s, p);
  if (res === -1) ms.level--;
  return res;
}

function endCapture(ms: MatchState, s: number, p: number): number {
  let l = ms.level - 1;
  for (; l >= 0; l--) if (ms.capLen[l] === CAP_UNFINISHED) break;
  if (l < 0) throw new PatternError("invalid pattern capture");
  ms.capLen[l] = s - ms.capInit[l];
  const res = doMatch(ms, s, p);
  if (res === -1) ms.capLen[l] = CAP_UNFINISHED;
  return res;
}

function checkCapture(ms: MatchState, l: number): number {
  l -= 49; // '1'
  if (l < 0 || l >= ms.level || ms.capLen[l] === CAP_UNFINISHED) throw new PatternError(`invalid capture index %${l + 1}`);
  return l;
}

function matchCapture(ms: MatchState, s: number, l: number): number {
  l = checkCapture(ms, l);
  const len = ms.capLen[l];
  if (len < 0) return -1; // a position capture: (size_t)-2 never fits
  if (ms.slen - s < len) return -1;
  const src = ms.b;
  const init = ms.capInit[l];
  for (let i = 0; i < len; i++) if (src[init + i] !== src[s + i]) return -1;
  return s + len;
}

function matchBalance(ms: MatchState, s: number, p: number): number {
  const pat = ms.pat;
  if (p >= pat.len - 1) throw new PatternError("malformed pattern (missing arguments to '%b')");
  const src = ms.b;
  const slen = ms.slen;
  const cur = s < slen ? src[s] : 0;
  if (cur !== pat.pc[p]) return -1;
  const b = pat.pc[p];
  const e = pat.pc[p + 1];
  let cont = 1;
  while (++s < slen) {
    const c = src[s];
    if (c === e) {
      if (--cont === 0) return s + 1;
    } else if (c === b) cont++;
  }
  return -1;
}

// ---- scanning a subject ----

/** The first position >= s (and <= slen) where a match of pattern position p might start:
 *  skips positions where the pattern's first character class cannot match. Leading
 *  captures are looked through (each costs one nesting level, so only while that cannot
 *  reach the limits). Call only with a fresh state (level 0, full depth). */
export function nextCandidate(ms: MatchState, s: number, p: number): number {
  const pat = ms.pat;
  let kind = pat.startKind[p];
  if (kind === 0) kind = startInfo(pat, p);
  if (kind === 1) return s;
  const b = ms.b;
  const slen = ms.slen;
  switch (kind) {
    case 2: {
      // a character class: scan its table
      const tbl = pat.startTbl[p]!;
      while (s < slen && tbl[b[s]] !== 1) s++;
      return s;
    }
    case 3: {
      // one literal character (also %bxy, which starts with x)
      const i = ms.src.indexOf(pat.startChar[p], s);
      return i < 0 ? slen : i;
    }
    default: {
      // %f[set]: only where the frontier holds
      const ft = pat.startTbl[p]!;
      for (; s <= slen; s++) {
        const prev = s === 0 ? 0 : b[s - 1];
        const cur = s < slen ? b[s] : 0;
        if (ft[prev] === 0 && ft[cur] === 1) return s;
      }
      return slen;
    }
  }
}

/** Classifies how a match of pattern position p (0 or 1) must start, for nextCandidate:
 *  1 anywhere, 2 with a character of a table, 3 with one given character, 4 at a frontier. */
function startInfo(pat: Pat, p: number): number {
  const pc = pat.pc;
  let q = p;
  let n = 0;
  while (pc[q] === 40 && q < pat.len && n < 30) {
    q += pc[q + 1] === 41 ? 2 : 1;
    n++;
  }
  let kind = 1;
  if (pc[q] === L_ESC && pc[q + 1] === 98 /* b */) {
    if (q + 3 < pat.len) {
      kind = 3;
      pat.startChar[p] = String.fromCharCode(pc[q + 2]);
    }
  } else if (pc[q] === L_ESC && pc[q + 1] === 102 /* f */) {
    if (pc[q + 2] === 91 /* [ */) {
      pat.item(q + 2);
      pat.startTbl[p] = pat.tbl[q + 2];
      kind = 4;
    }
  } else if (pat.required(q)) {
    const tbl = pat.tbl[q]!;
    if (tbl === LIT[pc[q]]) {
      kind = 3;
      pat.startChar[p] = String.fromCharCode(pc[q]);
    } else if (tbl !== ANY) {
      kind = 2;
      pat.startTbl[p] = tbl;
    }
  }
  pat.startKind[p] = kind;
  return kind;
}

/** Resets the state for a new match attempt (reprepstate). */
export function reprep(ms: MatchState): void {
  ms.level = 0;
  ms.depth = MAXCCALLS;
}

/** Value of capture i (0-based) of a match s..e (get_onecapture / push_onecapture). */
export function getCapture(ms: MatchState, i: number, s: number, e: number): string | number {
  if (i >= ms.level) {
    if (i !== 0) throw new PatternError(`invalid capture index %${i + 1}`);
    return ms.src.slice(s, e);
  }
  const l = ms.capLen[i];
  const init = ms.capInit[i];
  if (l === CAP_UNFINISHED) throw new PatternError("unfinished capture");
  if (l === CAP_POSITION) return init + 1;
  return ms.src.slice(init, init + l);
}

/** All captures (push_captures); `whole` false means s/e are absent (find). */
export function getCaptures(ms: MatchState, s: number, e: number, whole: boolean): unknown[] {
  const n = ms.level === 0 && whole ? 1 : ms.level;
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = getCapture(ms, i, s, e);
  return out;
}
