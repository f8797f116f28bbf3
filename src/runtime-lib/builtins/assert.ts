// `assert` as a callable table (SPEC A1, B§1.9):
//   assert(v, msg, ...)           Lua's assert, exactly (messages, positions, results)
//   assert.eq(a, b, msg?)         nil/booleans/strings equal; integers exactly; floats (and
//                                 int-float pairs) within machine epsilon; tables, functions,
//                                 userdata only when the same value (or __eq says so)
//   assert.ne(a, b, msg?)         the opposite of eq
//   assert.gt(a, b, msg?) / lt    both numbers (no string coercion), a > b / a < b
//   assert.contains(s, sub, msg?) both strings, plain substring
//   assert.not_nil(v, msg?)       v ~= nil (false passes)
//   assert.matches(s, pat, msg?)  Lua pattern, string.find(s, pat) ~= nil
//   assert.same(a, b, msg?)       deep equality: tables compared key by key (cycles allowed),
//                                 other values as eq; the message names the first difference
// A failure raises "<where>assert.<fn> failed: ..." with the position of the Lua line that
// called it; when a message argument was passed (even nil) " - <tostring(msg)>" follows.
// Values in messages are rendered as the original does (nil, true, 42, 2.5, 2 for 2.0, raw
// strings, <table>) and quoted with Rust's debug escaping (\" \\ \n \t \r \0 \u{1b}).
import { LuaTable } from "../core/table.js";
import { LuaError } from "../core/errors.js";
import { LFloat, isNumber, toF } from "../core/numbers.js";
import { eq as luaEq, lt as luaLt, tostringMeta } from "../core/ops.js";
import { addressOf, builtins, typeName } from "../core/values.js";
import { libError } from "../lib/aux.js";
import { assertValues } from "../lib/base.js";
import { PatternError, acquireState, doMatch, getPat, nextCandidate, releaseState, reprep } from "../lib/lpattern.js";
import { utf8Encode } from "./convert.js";

// ---- rendering values in messages ----

/** A float as Rust's Display prints an f64: shortest round-trip digits, never an exponent,
 *  whole numbers without ".0" (2.0 → "2", 1e-7 → "0.0000001", 1e21 → "1000000000000000000000"). */
export function rustFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  if (Object.is(n, -0)) return "-0";
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2] + (m[3] ?? "");
  const exp = Number(m[4]);
  if (exp >= 0) return m[1] + digits + "0".repeat(exp + 1 - digits.length);
  return `${m[1]}0.${"0".repeat(-exp - 1)}${digits}`;
}

function renderNumber(v: unknown): string {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  return rustFloat(toF(v as number | LFloat));
}

function render(v: unknown): string {
  if (v === undefined) return "nil";
  if (typeof v === "boolean" || typeof v === "string") return String(v);
  if (isNumber(v)) return renderNumber(v);
  return `<${typeName(v)}>`;
}

/** Rust's {:?} of a string: quoted, with \" \\ \n \r \t \0 and other controls as \u{..};
 *  bytes are read as UTF-8 (invalid sequences replaced) and the result is UTF-8 bytes. */
export function debugQuote(s: string): string {
  const text = /[\x80-\xff]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s;
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c === 0) out += "\\0";
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return utf8Encode(out + '"');
}

const quoted = (v: unknown): string => debugQuote(render(v));

/** " - <msg>" when a message argument was passed (an explicit nil counts, as upstream). */
function suffix(nargs: number, msgIndex: number, msg: unknown): string {
  if (nargs <= msgIndex) return "";
  return " - " + (typeof msg === "string" ? msg : tostringMeta(msg, addressOf));
}

function fail(fname: string, text: string, nargs: number, msgIndex: number, msg: unknown): LuaError {
  return libError(`assert.${fname}`, `assert.${fname} failed: ${text}${suffix(nargs, msgIndex, msg)}`);
}

// ---- equality ----

function isInt(v: unknown): v is number | bigint {
  return typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
}

/** assert.eq's equality. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) return luaEq(a, b);
    const x = toF(a);
    const y = toF(b);
    return x === y || Math.abs(x - y) < Number.EPSILON;
  }
  if ((a instanceof LuaTable && b instanceof LuaTable) || (typeName(a) === "userdata" && typeName(b) === "userdata")) return luaEq(a, b);
  return false;
}

/** "(string vs number)" when two different values render alike ("1" and 1). */
function typeHint(a: unknown, b: unknown, ra: string, rb: string): string {
  if (ra !== rb) return "";
  const ta = isNumber(a) ? (isInt(a) ? "integer" : "float") : typeName(a);
  const tb = isNumber(b) ? (isInt(b) ? "integer" : "float") : typeName(b);
  return ta !== tb ? ` (${ta} vs ${tb})` : "";
}

interface Difference {
  path: string;
  a: unknown;
  b: unknown;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function keyPath(k: unknown): string {
  if (typeof k === "string") return IDENT.test(k) ? `.${k}` : `[${debugQuote(k)}]`;
  if (isNumber(k)) return `[${renderNumber(k)}]`;
  return `[${render(k)}]`;
}

/** The first difference between a and b, or undefined when they are deeply equal. */
function deepDiff(a: unknown, b: unknown, path: string, seen: Map<LuaTable, Set<LuaTable>>): Difference | undefined {
  if (!(a instanceof LuaTable && b instanceof LuaTable)) return valuesEqual(a, b) ? undefined : { path, a, b };
  if (a === b) return undefined;
  // a pair already being compared (a cycle) counts as equal until shown otherwise
  let done = seen.get(a);
  if (done?.has(b)) return undefined;
  if (!done) seen.set(a, (done = new Set()));
  done.add(b);
  for (let e = a.next(undefined); e !== undefined; e = a.next(e[0])) {
    const d = deepDiff(e[1], b.get(e[0]), path + keyPath(e[0]), seen);
    if (d) return d;
  }
  for (let e = b.next(undefined); e !== undefined; e = b.next(e[0])) {
    if (a.get(e[0]) === undefined) return { path: path + keyPath(e[0]), a: undefined, b: e[1] };
  }
  return undefined;
}

// ---- Lua patterns (string.find without captures) ----

function patternFound(s: string, p: string): boolean {
  const anchor = p.charCodeAt(0) === 94; /* ^ */
  const p0 = anchor ? 1 : 0;
  const ms = acquireState(s, getPat(p));
  try {
    let s1 = 0;
    do {
      reprep(ms);
      if (!anchor) s1 = nextCandidate(ms, s1, p0);
      if (doMatch(ms, s1, p0) !== -1) return true;
    } while (s1++ < s.length && !anchor);
    return false;
  } finally {
    releaseState(ms);
  }
}

// ---- the functions ----

function isNum(v: unknown): boolean {
  return isNumber(v);
}

const assertLib = {
  eq(a: unknown, b: unknown, msg: unknown): unknown {
    if (valuesEqual(a, b)) return undefined;
    const ra = quoted(a);
    const rb = quoted(b);
    throw fail("eq", `${ra} != ${rb}${typeHint(a, b, ra, rb)}`, arguments.length, 2, msg);
  },

  ne(a: unknown, b: unknown, msg: unknown): unknown {
    if (!valuesEqual(a, b)) return undefined;
    throw fail("ne", `${quoted(a)} == ${quoted(b)}`, arguments.length, 2, msg);
  },

  gt(a: unknown, b: unknown, msg: unknown): unknown {
    if (!isNum(a) || !isNum(b)) throw libError("assert.gt", "assert.gt: both arguments must be numbers");
    if (luaLt(b, a)) return undefined;
    throw fail("gt", `${renderNumber(a)} is not > ${renderNumber(b)}`, arguments.length, 2, msg);
  },

  lt(a: unknown, b: unknown, msg: unknown): unknown {
    if (!isNum(a) || !isNum(b)) throw libError("assert.lt", "assert.lt: both arguments must be numbers");
    if (luaLt(a, b)) return undefined;
    throw fail("lt", `${renderNumber(a)} is not < ${renderNumber(b)}`, arguments.length, 2, msg);
  },

  contains(haystack: unknown, needle: unknown, msg: unknown): unknown {
    if (typeof haystack !== "string") throw libError("assert.contains", "assert.contains: first argument must be a string");
    if (typeof needle !== "string") throw libError("assert.contains", "assert.contains: second argument must be a string");
    if (haystack.includes(needle)) return undefined;
    throw fail("contains", `${debugQuote(haystack)} does not contain ${debugQuote(needle)}`, arguments.length, 2, msg);
  },

  not_nil(v: unknown, msg: unknown): unknown {
    if (v !== undefined) return undefined;
    throw fail("not_nil", "value is nil", arguments.length, 1, msg);
  },

  matches(text: unknown, pattern: unknown, msg: unknown): unknown {
    if (typeof text !== "string") throw libError("assert.matches", "assert.matches: first argument must be a string");
    if (typeof pattern !== "string") throw libError("assert.matches", "assert.matches: second argument must be a pattern string");
    let found: boolean;
    try {
      found = patternFound(text, pattern);
    } catch (e) {
      if (e instanceof PatternError) throw libError("assert.matches", `assert.matches: pattern error: ${e.msg}`);
      throw e;
    }
    if (found) return undefined;
    throw fail("matches", `${debugQuote(text)} does not match pattern ${debugQuote(pattern)}`, arguments.length, 2, msg);
  },

  same(a: unknown, b: unknown, msg: unknown): unknown {
    const d = deepDiff(a, b, "", new Map());
    if (!d) return undefined;
    const ra = quoted(d.a);
    const rb = quoted(d.b);
    const where = d.path === "" ? "" : `at ${d.path.startsWith(".") ? d.path.slice(1) : d.path}: `;
    throw fail("same", `${where}${ra} != ${rb}${typeHint(d.a, d.b, ra, rb)}`, arguments.length, 2, msg);
  },
};

/** The table's __call: Lua's assert (lib/base.ts) with the table itself as first argument.
 *  Named "assert" so argument errors and positions are worded as for the base function. */
function assert(_self: unknown, ...args: unknown[]): unknown {
  return assertValues(args);
}

export function openAssert(G: LuaTable): void {
  const t = LuaTable.library(assertLib);
  const mt = new LuaTable();
  mt.setField("__call", assert);
  t.mt = mt;
  G.setField("assert", t);
  // `assert(...)` by name calls assertAt's function while the global is this table
  builtins.assert = t;
}
