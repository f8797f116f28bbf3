// The base library (print, type, pairs, pcall, load, ...), registered into _G.
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { LuaTable } from "../core/table.js";
import { lazyNode } from "../node-lazy.js";
import { EMPTY, Multi, first } from "../core/multi.js";
import { ExitRequest, LuaError, captureSites, captureSitesFor, levelIndex, luaPosAt, afterBuiltin, toLuaError, wherePrefix, protectedCalls, sitePrefix } from "../core/errors.js";
import { callable, getMetatable, index, eq, tostringMeta, metaOf } from "../core/ops.js";
import { LFloat, isNumber, str2number, wrapInt } from "../core/numbers.js";
import { addressOf, builtins, typeName } from "../core/values.js";
import { normKey } from "../core/table.js";
import { fastIterators } from "../core/loops.js";
import { Y, startCall, withGen, yieldState } from "../core/coro.js";
import { writeStdout } from "../io-out.js";
import { loadLua, stripShebang, LuaSyntaxError } from "../load.js";
import { argError, checkInt, checkTable, libError, typeError, checkOption } from "./aux.js";

export function tostring(v: unknown): string {
  return tostringMeta(v, addressOf);
}

function print(...args: unknown[]): unknown {
  let s = "";
  for (let i = 0; i < args.length; i++) {
    if (i > 0) s += "\t";
    const v = args[i];
    // tostringMeta directly: its errors take the position of print's caller (one builtin level)
    s += typeof v === "string" ? v : tostringMeta(v, addressOf);
  }
  writeStdout(s + "\n");
  return EMPTY;
}

function type(v: unknown): unknown {
  if (arguments.length === 0) throw argError(1, "type", "value expected");
  return typeName(v);
}

const tostringBuiltin = {
  tostring(v: unknown): unknown {
    if (arguments.length === 0) throw argError(1, "tostring", "value expected");
    return tostringMeta(v, addressOf);
  },
}.tostring;

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

function tonumber(v: unknown, base: unknown): unknown {
  if (base === undefined) {
    if (arguments.length === 0) throw argError(1, "tonumber", "value expected");
    if (isNumber(v)) return v;
    if (typeof v === "string") return str2number(v);
    return undefined;
  }
  const b = checkInt(base, 2, "tonumber");
  if (typeof v !== "string") throw typeError(1, "tonumber", "string", v);
  if (b < 2 || b > 36) throw argError(2, "tonumber", "base out of range");
  // b_str2int: spaces, an optional sign (- or +), digits of the base, spaces
  const m = /^[ \f\n\r\t\v]*([-+])?([0-9a-zA-Z]+)[ \f\n\r\t\v]*$/.exec(v);
  if (!m) return undefined;
  let n = 0n;
  const big = BigInt(b);
  for (const ch of m[2].toLowerCase()) {
    const d = DIGITS.indexOf(ch);
    if (d < 0 || d >= b) return undefined;
    n = n * big + BigInt(d);
  }
  return wrapInt(m[1] === "-" ? -n : n);
}

function ipairsAux(t: unknown, i: unknown): unknown {
  const k = (i as number) + 1;
  const v = t instanceof LuaTable && t.mt === null ? t.getInt(k) : index(t, k);
  return v === undefined ? undefined : new Multi([k, v]);
}

function ipairs(t: unknown): unknown {
  if (arguments.length === 0) throw argError(1, "ipairs", "value expected");
  return new Multi([ipairsAux, t, 0]);
}

function next(t: unknown, k: unknown): unknown {
  const tbl = checkTable(t, 1, "next", arguments.length > 0);
  const e = tbl.next(k);
  return e === undefined ? undefined : new Multi([e[0], e[1]]);
}

function pairs(t: unknown): unknown {
  if (arguments.length === 0) throw argError(1, "pairs", "value expected");
  const h = metaOf(t, "__pairs");
  if (h !== undefined) {
    const r = callable(h)(t);
    const v = r instanceof Multi ? r.v : [r];
    return new Multi([v[0], v[1], v[2]]);
  }
  return new Multi([next, t, undefined]);
}

const pairsGen = {
  *pairs(t: unknown): Generator<unknown, unknown, unknown> {
    if (arguments.length === 0) throw argError(1, "pairs", "value expected");
    const h = metaOf(t, "__pairs");
    if (h === undefined) return new Multi([next, t, undefined]);
    let r = startCall(h, [t]);
    if (Y.y) r = yield* r as Generator<unknown, unknown, unknown>;
    const v = r instanceof Multi ? r.v : [r];
    return new Multi([v[0], v[1], v[2]]);
  },
};
withGen(pairs, pairsGen.pairs);

function select(n: unknown, ...args: unknown[]): unknown {
  // (as C Lua: any string whose first character is "#")
  if (typeof n === "string" && n.charCodeAt(0) === 35) return args.length;
  const i = checkInt(n, 1, "select", arguments.length > 0);
  if (i < 0) {
    if (-i > args.length) throw argError(1, "select", "index out of range");
    return new Multi(args.slice(args.length + i));
  }
  if (i === 0) throw argError(1, "select", "index out of range");
  if (i === 1) return args.length === 1 ? args[0] : new Multi(args);
  return new Multi(args.slice(i - 1));
}

function rawequal(a: unknown, b: unknown): unknown {
  if (arguments.length < 2) throw argError(arguments.length + 1, "rawequal", "value expected");
  if (a === b) return true;
  return isNumber(a) && isNumber(b) ? eq(a, b) : false;
}

function rawget(t: unknown, k: unknown): unknown {
  const tbl = checkTable(t, 1, "rawget", arguments.length > 0);
  if (arguments.length < 2) throw argError(2, "rawget", "value expected");
  return tbl.get(normKey(k));
}

function rawset(t: unknown, k: unknown, v: unknown): unknown {
  const tbl = checkTable(t, 1, "rawset", arguments.length > 0);
  if (arguments.length < 2) throw argError(2, "rawset", "value expected");
  if (arguments.length < 3) throw argError(3, "rawset", "value expected");
  // raised by the table code, not by luaL_error: no position (as Lua's lua_rawset)
  if (k === undefined) throw new LuaError("table index is nil");
  if ((typeof k === "number" && k !== k) || (k instanceof LFloat && Number.isNaN(k.n))) throw new LuaError("table index is NaN");
  tbl.set(k, v);
  return tbl;
}

function rawlen(v: unknown): unknown {
  if (v instanceof LuaTable) return v.length();
  if (typeof v === "string") return v.length;
  throw typeError(1, "rawlen", "table or string", v, arguments.length > 0);
}

function setmetatable(t: unknown, mt: unknown): unknown {
  const tbl = checkTable(t, 1, "setmetatable", arguments.length > 0);
  if (arguments.length < 2) throw typeError(2, "setmetatable", "nil or table", mt, false);
  if (mt !== undefined && !(mt instanceof LuaTable)) throw typeError(2, "setmetatable", "nil or table", mt, arguments.length > 1);
  if (tbl.mt !== null && tbl.mt.getStr("__metatable") !== undefined) throw libError("setmetatable", "cannot change a protected metatable");
  tbl.mt = (mt as LuaTable | undefined) ?? null;
  return tbl;
}

function getmetatable(v: unknown): unknown {
  if (arguments.length === 0) throw argError(1, "getmetatable", "value expected");
  const mt = getMetatable(v);
  if (mt === null) return undefined;
  const protectedMt = mt.getStr("__metatable");
  return protectedMt !== undefined ? protectedMt : mt;
}

/** Lua's assert on `args`, for a JS function named "assert" (this one, and the callable
 *  `assert` table of builtins/assert.ts): like error(msg, 1) called from that function, a
 *  string message gets the position of the Lua code that called it. */
export function assertValues(args: unknown[], site?: number): unknown {
  if (args.length === 0) throw argError(1, "assert", "value expected");
  const v = args[0];
  if (v !== undefined && v !== false) return args.length === 1 ? v : new Multi(args);
  throw assertionError(args, site);
}

/** The error of a failed assert, made apart from the throw for the reason given at
 *  makeError: a loop of failing asserts would leave assertValues without type feedback. */
function assertionError(args: unknown[], site: number | undefined): LuaError {
  const msg = args.length < 2 ? "assertion failed!" : args[1];
  if (site !== undefined && protectedCalls.depth > 0) return new LuaError(typeof msg === "string" ? sitePrefix(site) + msg : msg);
  // (sites from the caller of assertValues down, as if that function had captured them itself)
  const sites = captureSites(undefined, assertValues);
  if (typeof msg !== "string") return new LuaError(msg, sites);
  return new LuaError(wherePrefix(luaPosAt(sites, 1, afterBuiltin(sites, "assert"))) + msg, sites);
}

function assert(...args: unknown[]): unknown {
  return assertValues(args);
}

/** Lua's error, or, for a call site of compiled code, the error that site calls (errorAt):
 *  inside pcall, a level-1 message takes the site's position instead of a captured stack.
 *  Named "error" either way: positions count levels from the frame of that name, and
 *  tracebacks name it as the builtin. It only throws what errorFor makes: V8 counts a
 *  function hot as it returns, so a function that always throws runs in the interpreter
 *  without type feedback for good, where every property read (the getters of this
 *  bundle's imports among them) is a slow lookup. Called by pcall itself (`pcall(error,
 *  v)`), it hands the error back as its result, as compiled Lua functions do with the errors
 *  of their own error statements (protectedCalls.direct in core/errors.ts). */
function makeError(site: number | undefined) {
  const error = function error(v: unknown, level: unknown): unknown {
    const e = errorFor(v, level, site);
    if (protectedCalls.direct !== error) throw e;
    protectedCalls.direct = null;
    return e;
  };
  return error;
}

function errorFor(v: unknown, level: unknown, site: number | undefined): LuaError {
  const lvl = level === undefined ? 1 : checkInt(level, 2, "error");
  if (typeof v !== "string" || lvl <= 0) return new LuaError(v);
  if (site !== undefined && lvl === 1 && protectedCalls.depth > 0) return new LuaError(sitePrefix(site) + v);
  return positionedError(v, lvl);
}

const error = makeError(undefined);

/** error(v, lvl) of a string: the message gets the position of the function at that level
 *  (the sites are counted from the frame of the function named "error" below). */
function positionedError(v: string, lvl: number): LuaError {
  // (a short capture inside pcall does when it reaches the level, even one without a
  // position: error("msg", 2) in a function pcall called is positioned at pcall, a builtin)
  const sites = captureSitesFor(captureSitesFor, (short) => levelIndex(short, lvl, afterBuiltin(short, "error")) >= 0);
  return new LuaError(wherePrefix(luaPosAt(sites, lvl, afterBuiltin(sites, "error"))) + v, sites);
}

// `error(...)` and `assert(...)` called by their global names: compiled code calls the
// function errorAt / assertAt give for the call's site while the global is the builtin
// (transform/calls.ts). Inside pcall a level-1 message then takes its position from the site
// instead of from a captured stack, which cost ten microseconds an error.
const siteErrors: Function[] = [];
const siteAsserts: Function[] = [];

function errorAt(site: number): Function {
  return (siteErrors[site] ??= makeError(site));
}

// The statement `error(v)` or `error(v, level)` by the global's name: compiled code calls the
// function raiseAt gives for the site and throws the error it returns (transform/calls.ts
// errorStatement). The error is made as errorAt's function makes it, in a frame named
// "error" (positions and tracebacks count from it, and a traceback is captured as the
// error is made), but the throw leaves from the Lua function's own frame: one frame fewer
// for V8 to unwind, and a builtin that returns, which V8 optimizes.
const siteRaises: Function[] = [];

function raiseAt(site: number): Function {
  return (siteRaises[site] ??= function error(v: unknown, level: unknown): LuaError {
    return errorFor(v, level, site);
  });
}

function assertAt(site: number): Function {
  return (siteAsserts[site] ??= function assert(...args: unknown[]): unknown {
    return assertValues(args, site);
  });
}

/** A protected call's results when the call succeeded: true, then what it returned. */
function succeeded(r: unknown): Multi {
  return r instanceof Multi ? new Multi([true, ...r.v]) : new Multi([true, r]);
}

function pcall(f: unknown, ...args: unknown[]): unknown {
  if (arguments.length === 0) throw argError(1, "pcall", "value expected");
  protectedCalls.depth++;
  try {
    const fn = callable(f);
    // a compiled Lua function that finds itself here returns the errors its error(...)
    // statements raise (a LuaError is never a Lua value) instead of throwing them, and so
    // does the builtin error
    protectedCalls.direct = fn;
    const r = fn(...args);
    return r instanceof LuaError ? new Multi([false, r.value]) : succeeded(r);
  } catch (e) {
    if (e instanceof ExitRequest) throw e;
    return new Multi([false, toLuaError(e).value]);
  } finally {
    protectedCalls.depth--;
  }
}

// pcall and xpcall called from generator code (inside a coroutine): the protected call is
// started so it may yield, and an error after the yield is still caught here.
const protectedGen = {
  *pcall(f: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
    if (arguments.length === 0) throw argError(1, "pcall", "value expected");
    protectedCalls.depth++;
    yieldState.protectedDepth++;
    try {
      let r = startCall(f, args);
      if (Y.y) r = yield* r as Generator<unknown, unknown, unknown>;
      return succeeded(r);
    } catch (e) {
      if (e instanceof ExitRequest) throw e;
      return new Multi([false, toLuaError(e).value]);
    } finally {
      protectedCalls.depth--;
      yieldState.protectedDepth--;
    }
  },
  *xpcall(f: unknown, h: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
    if (typeof h !== "function") throw typeError(2, "xpcall", "function", h, arguments.length > 1);
    yieldState.protectedDepth++;
    try {
      let r = startCall(f, args);
      if (Y.y) r = yield* r as Generator<unknown, unknown, unknown>;
      return succeeded(r);
    } catch (e) {
      if (e instanceof ExitRequest) throw e;
      return new Multi([false, handleError(toLuaError(e), h)]);
    } finally {
      yieldState.protectedDepth--;
    }
  },
};
withGen(pcall, protectedGen.pcall);
withGen(xpcall, protectedGen.xpcall);

/** The error being handled by an xpcall message handler (for debug.traceback). */
export const handling: { error: LuaError | null } = { error: null };

function xpcall(f: unknown, h: unknown, ...args: unknown[]): unknown {
  if (typeof h !== "function") throw typeError(2, "xpcall", "function", h, arguments.length > 1);
  // the message handler may ask for a traceback: errors raised below capture their whole
  // stack even when this xpcall sits inside a pcall
  const depth = protectedCalls.depth;
  protectedCalls.depth = 0;
  try {
    return succeeded(callable(f)(...args));
  } catch (e) {
    if (e instanceof ExitRequest) throw e;
    return new Multi([false, handleError(toLuaError(e), h)]);
  } finally {
    protectedCalls.depth = depth;
  }
}

/** Runs an xpcall message handler; an error inside it is handled again, as Lua does,
 *  until the C-stack limit gives "error in error handling". */
function handleError(le: LuaError, h: Function): unknown {
  const saved = handling.error;
  try {
    for (let depth = 0; depth < 200; depth++) {
      handling.error = le;
      try {
        return first(h(le.value));
      } catch (e2) {
        le = toLuaError(e2);
      }
    }
    return "error in error handling";
  } finally {
    handling.error = saved;
  }
}

// ---- loading code ----

/** `cached`: through the on-disk compile cache, for files only — a string given to load is
 *  not kept on disk whatever its chunk name ("@name" included). */
function loadChunk(src: string, chunkname: string, mode: string, env: unknown, hasEnv: boolean, G: LuaTable, cached: boolean): unknown {
  const binary = src.startsWith("\x1bLua");
  if (binary) return new Multi([undefined, "attempt to load a binary chunk (mode is '" + mode + "')"]);
  if (!mode.includes("t")) return new Multi([undefined, `attempt to load a text chunk (mode is '${mode}')`]);
  try {
    return loadLua(src, chunkname, hasEnv ? env : G, cached);
  } catch (e) {
    if (e instanceof LuaSyntaxError) return new Multi([undefined, e.message]);
    throw e;
  }
}

function makeLoad(G: LuaTable) {
  return function load(chunk: unknown, chunkname: unknown, mode: unknown, env: unknown): unknown {
    let src: string;
    let name: string;
    if (typeof chunk === "string" || isNumber(chunk)) {
      src = typeof chunk === "string" ? chunk : tostring(chunk);
      name = typeof chunkname === "string" ? chunkname : src;
    } else if (typeof chunk === "function") {
      const parts: string[] = [];
      try {
        for (;;) {
          const piece = first(chunk());
          if (piece === undefined || piece === "") break;
          if (typeof piece !== "string") return new Multi([undefined, "reader function must return a string"]);
          parts.push(piece);
        }
      } catch (e) {
        return new Multi([undefined, toLuaError(e).value]);
      }
      src = parts.join("");
      name = typeof chunkname === "string" ? chunkname : "=(load)";
    } else throw typeError(1, "load", "function", chunk, arguments.length > 0);
    const m = mode === undefined ? "bt" : String(mode);
    return loadChunk(src, name, m, env, arguments.length >= 4, G, false);
  };
}

function readSource(filename: unknown): string | Multi {
  try {
    if (filename === undefined) return readFileSync(0, "latin1");
    return readFileSync(String(filename), "latin1");
  } catch (e) {
    const msg = (e as NodeJS.ErrnoException).code === "ENOENT" ? "No such file or directory" : (e as Error).message;
    return new Multi([undefined, `cannot open ${String(filename)}: ${msg}`]);
  }
}

function makeLoadfile(G: LuaTable) {
  return function loadfile(filename: unknown, mode: unknown, env: unknown): unknown {
    const src = readSource(filename);
    if (src instanceof Multi) return src;
    const name = filename === undefined ? "=stdin" : "@" + String(filename);
    const m = mode === undefined ? "bt" : String(mode);
    return loadChunk(stripShebang(src), name, m, env, arguments.length >= 3, G, filename !== undefined);
  };
}

function makeDofile(G: LuaTable) {
  const loadFile = (filename: unknown): ((...a: unknown[]) => unknown) => {
    const src = readSource(filename);
    if (src instanceof Multi) throw new LuaError(src.v[1], captureSites());
    const name = filename === undefined ? "=stdin" : "@" + String(filename);
    try {
      return loadLua(stripShebang(src), name, G);
    } catch (e) {
      if (e instanceof LuaSyntaxError) throw new LuaError(e.message, captureSites());
      throw e;
    }
  };
  // the chunk may yield when dofile is called inside a coroutine (as in Lua)
  const gen = {
    *dofile(filename: unknown): Generator<unknown, unknown, unknown> {
      const r = startCall(loadFile(filename), []);
      return Y.y ? yield* r as Generator<unknown, unknown, unknown> : r;
    },
  };
  return withGen(function dofile(filename: unknown): unknown {
    return loadFile(filename)();
  }, gen.dofile);
}

// ---- collectgarbage ----

let gcFn: (() => void) | null = null;
function runGc(): void {
  if (gcFn === null) {
    lazyNode.v8().setFlagsFromString("--expose-gc");
    gcFn = runInNewContext("gc") as () => void;
  }
  gcFn();
}

let gcMode = "incremental";
let gcRunning = true;
const GC_OPTIONS = ["stop", "restart", "collect", "count", "step", "setpause", "setstepmul", "isrunning", "generational", "incremental"];

function collectgarbage(opt: unknown, arg: unknown): unknown {
  const o = checkOption(opt, 1, "collectgarbage", GC_OPTIONS, "collect");
  switch (o) {
    case "collect":
      runGc();
      return 0;
    case "step":
      runGc();
      return true;
    case "count": {
      const used = process.memoryUsage().heapUsed;
      const kb = used / 1024;
      return Number.isInteger(kb) ? new LFloat(kb) : kb;
    }
    case "isrunning":
      return gcRunning;
    case "stop":
      gcRunning = false;
      return 0;
    case "restart":
      gcRunning = true;
      return 0;
    case "setpause":
      return 200;
    case "setstepmul":
      return 100;
    case "generational":
    case "incremental": {
      const prev = gcMode;
      gcMode = o;
      void arg;
      return prev;
    }
  }
  return 0;
}

/** Registers the base library into the globals table. */
export function openBase(G: LuaTable): void {
  const fns: Record<string, Function> = {
    print, type, tostring: tostringBuiltin, tonumber, ipairs, pairs, next, select, rawequal, rawget, rawset, rawlen,
    setmetatable, getmetatable, assert, error, pcall, xpcall, collectgarbage,
    load: makeLoad(G), loadfile: makeLoadfile(G), dofile: makeDofile(G),
  };
  for (const [k, f] of Object.entries(fns)) G.setField(k, f);
  G.setField("_G", G);
  G.setField("_VERSION", "Lua 5.4");
  fastIterators.next = next;
  builtins.select = select;
  builtins.error = error;
  builtins.assert = assert;
  builtins.errorAt = errorAt;
  builtins.assertAt = assertAt;
  builtins.raiseAt = raiseAt;
  fastIterators.ipairsAux = ipairsAux;
}
