// Lua-style stack tracebacks from the JS call sites captured when an error was raised.
//
// The frames are those luaL_traceback shows: compiled Lua functions, and builtins (Lua's C
// functions) as "[C]" lines. A function is named as Lua 5.4 names it:
//   - a function that package.loaded holds by that name: a global ("function 'f'"), a
//     builtin ("function 'table.sort'"), a module's function ("function 'helper.fail'");
//   - a metamethod by its event ("metamethod 'index'"), from the runtime helper its caller
//     called;
//   - otherwise by how its caller called it ("local 'f'", "upvalue 'f'", "method 'm'",
//     "field 'x'"), from the call's mark in the caller's position table; a function called
//     in tail position (whose caller Lua no longer shows) is not named that way;
//   - otherwise (called by a builtin, such as pcall) by where it is defined
//     ("function <job.lua:12>").
// Inside a coroutine the traceback ends at the coroutine's first function, as Lua's does.
import { ChunkInfo, LuaError, calleeDescription, frameKind, isPartial, isTailCall, lineAt, siteToPos } from "./core/errors.js";
import { LuaTable } from "./core/table.js";

/** luaL_traceback's LEVELS1 and LEVELS2: a longer traceback shows the first 10 levels and
 *  the last 11. */
const FIRST_LEVELS = 10;
const LAST_LEVELS = 11;

/** One level of the traceback: a Lua function's frame, or a run of builtin frames (a builtin
 *  and the runtime functions it called, as one C function). */
type Level = { lua: NodeJS.CallSite; c: null; tail?: boolean; event?: string } | { lua: null; c: NodeJS.CallSite[] };

/** The JS function that runs a coroutine (lib/coroutine.ts; resumeCo and coroutine.resume
 *  go through it): the frames beyond it belong to its resumer. */
const COROUTINE_BASE = "resumeWith";

export interface TracebackOptions {
  /** levels to leave out at the top (debug.traceback's level) */
  skip?: number;
  /** the sites are those of an error a coroutine died by: its frames end at its first
   *  function, even when none were kept */
  ofCoroutine?: boolean;
  /** the error's LuaError.raisedIn: a builtin level above the captured ones */
  raisedIn?: string;
}

/** The traceback of an error or of the current stack; `sites` innermost first. */
export function traceback(sites: NodeJS.CallSite[] | null, msg?: string, opts: TracebackOptions = {}): string {
  const found = levelsOf(sites ?? []);
  const levels = found.levels;
  const inCoroutine = found.inCoroutine || opts.ofCoroutine === true;
  // a stack deeper than the capture: its outer levels are unknown
  const truncated = !found.inCoroutine && sites !== null && isPartial(sites);
  // (the outermost level of a partial capture has no caller to be named by: left out)
  const shown = truncated && levels.length > 1 ? levels.slice(0, -1) : levels;
  const names = loadedNames();
  const described = shown.map((_, i) => describeLevel(shown, i, names));
  if (opts.raisedIn !== undefined) described.unshift(`[C]: in ${opts.raisedIn}`);
  described.splice(0, opts.skip ?? 0);
  // the runtime's entry into the main chunk: Lua's C entry point
  if (!inCoroutine && !truncated) described.push("[C]: in ?");
  const lines: string[] = [];
  if (msg !== undefined) lines.push(msg);
  lines.push("stack traceback:");
  if (truncated) {
    for (const d of described.slice(0, FIRST_LEVELS + LAST_LEVELS)) lines.push("\t" + d);
    lines.push("\t...");
  } else if (described.length > FIRST_LEVELS + LAST_LEVELS + 1) {
    // luaL_traceback's count, which leaves out one more level than it says
    const skipped = described.length - FIRST_LEVELS - LAST_LEVELS - 1;
    for (const d of described.slice(0, FIRST_LEVELS)) lines.push("\t" + d);
    lines.push(`\t...\t(skipping ${skipped} levels)`);
    for (const d of described.slice(-LAST_LEVELS)) lines.push("\t" + d);
  } else for (const d of described) lines.push("\t" + d);
  return lines.join("\n");
}

/** The traceback of an error, from where it was raised. */
export function errorTraceback(le: LuaError, msg?: string, opts: Omit<TracebackOptions, "raisedIn"> = {}): string {
  return traceback(le.sites, msg, { ...opts, raisedIn: le.raisedIn });
}

function levelsOf(sites: NodeJS.CallSite[]): { levels: Level[]; inCoroutine: boolean } {
  const levels: Level[] = [];
  let pendingC: NodeJS.CallSite[] = [];
  // the runtime's operator helpers since the last level: the outermost one a Lua function
  // called tells which metamethod the level below it is
  let helpers: string[] = [];
  for (const s of sites) {
    const kind = frameKind(s);
    if (kind === "skip") {
      helpers.push(s.getFunctionName() ?? "");
      continue;
    }
    const called = helpers;
    helpers = [];
    if (kind === "lua") {
      if (siteToPos(s) === undefined) continue;
      const last = levels[levels.length - 1];
      if (pendingC.length === 0 && last?.lua) last.event = metamethodOf(called);
      // a Lua function that called a Lua function in tail position has no frame in Lua
      const callee = levels[levels.length - 1];
      if (pendingC.length === 0 && callee?.lua && isTailCall(siteToPos(s))) {
        callee.tail = true;
        continue;
      }
      if (pendingC.length > 0) levels.push({ lua: null, c: pendingC });
      pendingC = [];
      levels.push({ lua: s, c: null });
      continue;
    }
    if (s.getFunctionName() === COROUTINE_BASE) return { levels, inCoroutine: true };
    pendingC.push(s);
  }
  // builtin frames below the outermost Lua function are the runtime's entry: Lua's "[C]: in ?"
  return { levels, inCoroutine: false };
}

function describeLevel(levels: Level[], i: number, names: Map<string, string>): string {
  const lv = levels[i];
  const caller = levels[i + 1];
  if (lv.c !== null) return `[C]: in ${builtinName(lv.c, names) ?? callName(caller) ?? "?"}`;
  const s = lv.lua;
  const pos = siteToPos(s)!;
  const chunk = pos.chunk;
  const global = loadedName(s, names);
  let name: string | undefined;
  if (chunk.fnames.get(s.getFunctionName() ?? "") === "main chunk") name = "main chunk";
  else if (global !== undefined) name = `function '${global}'`;
  else if (lv.event !== undefined) name = `metamethod '${lv.event}'`;
  else if (!lv.tail) name = callName(caller);
  name ??= `function <${chunk.name}:${definitionLine(s, chunk)}>`;
  return `${chunk.name}:${pos.line}: in ${name}` + (lv.tail ? "\n\t(...tail calls...)" : "");
}

/** The runtime's operator helpers (their JS names) by the event of the metamethods they call. */
const HELPER_EVENTS: Record<string, string> = {
  index: "index", indexS: "index", indexN: "index", setindex: "newindex", setindexS: "newindex",
  eq: "eq", eqSlow: "eq", lt: "lt", gt: "lt", le: "le", ge: "le",
  len: "len", concat: "concat", unm: "unm", bnot: "bnot",
  add: "add", sub: "sub", mul: "mul", div: "div", mod: "mod", pow: "pow", idiv: "idiv",
  band: "band", bor: "bor", bxor: "bxor", shl: "shl", shr: "shr",
  closeVar: "close", closeVarG: "close", forClose: "close",
};

/** The metamethod event of the helper a Lua function called (the outermost of `helpers`, the
 *  JS names of the runtime frames between it and the metamethod, innermost first). */
export function metamethodOf(helpers: string[]): string | undefined {
  for (let k = helpers.length - 1; k >= 0; k--) {
    // (a bundler may suffix a name it had to rename)
    const e = HELPER_EVENTS[helpers[k].replace(/\d+$/, "")];
    if (e !== undefined) return e;
  }
  return undefined;
}

/** How the caller named the function it called, from the mark at its call; a global is shown
 *  as Lua shows a global function. */
function callName(caller: Level | undefined): string | undefined {
  if (caller === undefined || caller.lua === null) return undefined;
  const desc = calleeDescription(siteToPos(caller.lua));
  if (desc === undefined) return undefined;
  return desc.startsWith("global ") ? "function " + desc.slice(7) : desc;
}

/** The line where the frame's function is defined: the mark its JS function starts at. */
function definitionLine(s: NodeJS.CallSite, chunk: ChunkInfo): number {
  const site = s as NodeJS.CallSite & { getEnclosingLineNumber?(): number | null; getEnclosingColumnNumber?(): number | null };
  return lineAt(chunk, site.getEnclosingLineNumber?.() ?? null, site.getEnclosingColumnNumber?.() ?? null);
}

// ---- functions by name ----
// package.loaded, as Lua's pushglobalfuncname searches it: `_G.print` is "print", `string.rep`
// is "string.rep", a function of a module required as "helper" is "helper.fail". Call sites
// give a function's JS name only, so the map goes from those names. A compiled Lua function's
// JS name is unique (the compiler tags it with its chunk); a builtin's JS name that two
// libraries share ("len" of string and utf8) names neither.

let loadedTable: LuaTable | null = null;

/** Called when package.loaded is made. */
export function setLoaded(t: LuaTable): void {
  loadedTable = t;
}

/** The name package.loaded gives the function of a frame, if any ("$g": a generator twin). */
function loadedName(s: NodeJS.CallSite, names: Map<string, string>): string | undefined {
  const js = s.getFunctionName() ?? "";
  return names.get(js.endsWith("$g") ? js.slice(0, -2) : js);
}

function builtinName(frames: NodeJS.CallSite[], names: Map<string, string>): string | undefined {
  for (let k = frames.length - 1; k >= 0; k--) {
    const n = loadedName(frames[k], names);
    if (n) return `function '${n}'`;
  }
  return undefined;
}

function loadedNames(): Map<string, string> {
  const names = new Map<string, string>();
  const shared = new Set<string>();
  if (loadedTable === null) return names;
  const add = (fn: Function, qualified: string, preferred: boolean): void => {
    const js = fn.name;
    if (!js || shared.has(js)) return;
    const had = names.get(js);
    if (had === undefined || preferred) names.set(js, qualified);
    else if (had !== qualified) {
      names.delete(js);
      shared.add(js);
    }
  };
  const G = loadedTable.get("_G");
  // globals first: a global function keeps its global name even when a library holds it too
  if (G instanceof LuaTable) for (const [k, v] of entries(G)) if (typeof v === "function" && typeof k === "string") add(v, k, true);
  for (const [mod, t] of entries(loadedTable)) {
    if (mod === "_G" || typeof mod !== "string" || !(t instanceof LuaTable)) continue;
    for (const [k, v] of entries(t)) {
      if (typeof v !== "function" || typeof k !== "string") continue;
      if (G instanceof LuaTable && G.get(k) === v) continue;
      add(v, `${mod}.${k}`, false);
    }
  }
  return names;
}

function entries(t: LuaTable): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  let k: unknown = undefined;
  for (;;) {
    const e = t.next(k);
    if (e === undefined) return out;
    out.push(e);
    k = e[0];
  }
}
