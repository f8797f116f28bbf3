// The debug library, as far as compiled code can honestly support it: tracebacks, function
// and stack-level information from the position tables, and raw metatable access. Hooks,
// locals and upvalue access are not available (compiled code keeps no such registry), so
// those functions are absent rather than pretending.
import { LuaTable } from "../core/table.js";
import { EMPTY } from "../core/multi.js";
import { captureSites, frameKind, siteToPos, chunkOf } from "../core/errors.js";
import { getMetatable } from "../core/ops.js";
import { Userdata } from "../core/values.js";
import { errorTraceback, traceback as formatTraceback } from "../traceback.js";
import { handling } from "./base.js";
import { Coroutine, threads } from "./coroutine.js";
import { argError, checkInt, typeError } from "./aux.js";

/** The traceback of another coroutine. A suspended one is inside coroutine.yield; the Lua
 *  frames below it live in suspended generators, whose positions are not recorded. */
function coroutineTraceback(co: Coroutine, msg: unknown, level: unknown): unknown {
  if (msg !== undefined && typeof msg !== "string" && typeof msg !== "number") return msg;
  // a coroutine that died by an error keeps the frames where it was raised
  if (co.status === "dead" && co.error !== null) {
    const lvl = level === undefined ? 0 : checkInt(level, 3, "traceback");
    // (errors raised inside a coroutine other than by error() keep no frames: see errors.ts)
    return errorTraceback(co.error, msg === undefined ? undefined : String(msg), { skip: Math.max(0, lvl), ofCoroutine: true });
  }
  const lines = msg === undefined ? [] : [String(msg)];
  lines.push("stack traceback:");
  if (co.status === "suspended" && co.gen !== null) lines.push("\t[C]: in function 'coroutine.yield'", "\t(the suspended Lua frames are not recorded)");
  return lines.join("\n");
}

const lib = {
  traceback(msg: unknown, level: unknown, ...rest: unknown[]): unknown {
    if (msg instanceof Coroutine && msg !== threads.current) return coroutineTraceback(msg, level, rest[0]);
    if (msg instanceof Coroutine) [msg, level] = [level, rest[0]];
    if (msg !== undefined && typeof msg !== "string" && typeof msg !== "number") return msg;
    // inside an xpcall message handler, show the stack where the error was raised
    // (level 1, the default, is the function that called traceback; as a message handler,
    // level 1 is the function that raised the error, where the error's call sites start)
    const lvl = level === undefined ? 1 : checkInt(level, 2, "traceback");
    const text = msg === undefined ? undefined : String(msg);
    const le = handling.error;
    if (le !== null) return errorTraceback(le, text, { skip: Math.max(0, lvl - 1) });
    return formatTraceback(captureSites(), text, { skip: Math.max(0, lvl) });
  },

  getinfo(what: unknown): unknown {
    const info = new LuaTable();
    if (typeof what === "function") {
      info.setStr("func", what);
      info.setStr("what", "Lua");
      info.setStr("source", "=?");
      info.setStr("short_src", "?");
      return info;
    }
    const level = checkInt(what, 1, "getinfo", arguments.length > 0);
    if (level < 0) throw argError(1, "getinfo", "level out of range");
    // level 0 is getinfo itself, 1 the function that called it, ...
    if (level === 0) {
      info.setStr("what", "C");
      info.setStr("source", "=[C]");
      info.setStr("short_src", "[C]");
      info.setStr("currentline", -1);
      return info;
    }
    let n = level;
    for (const s of captureSites(60)) {
      if (frameKind(s) !== "lua") continue;
      if (--n > 0) continue;
      const pos = siteToPos(s);
      const c = chunkOf(s.getFileName());
      info.setStr("what", c?.fnames.get(s.getFunctionName() ?? "") === "main chunk" ? "main" : "Lua");
      info.setStr("short_src", pos?.chunk.name ?? "?");
      info.setStr("source", "@" + (pos?.chunk.name ?? "?"));
      info.setStr("currentline", pos?.line ?? -1);
      return info;
    }
    return EMPTY;
  },

  getmetatable(v: unknown): unknown {
    if (arguments.length === 0) throw argError(1, "getmetatable", "value expected");
    return getMetatable(v) ?? undefined;
  },

  setmetatable(v: unknown, mt: unknown): unknown {
    if (mt !== undefined && !(mt instanceof LuaTable)) throw typeError(2, "setmetatable", "nil or table", mt, arguments.length > 1);
    if (v instanceof LuaTable || v instanceof Userdata) v.mt = (mt as LuaTable | undefined) ?? null;
    else throw argError(1, "setmetatable", "only tables and userdata can have metatables in assay");
    return v;
  },
};

export function openDebug(G: LuaTable): void {
  G.setField("debug", LuaTable.library(lib));
}
