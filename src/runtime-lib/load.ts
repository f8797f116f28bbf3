// Turning compiled chunks into callable Lua functions: each chunk is evaluated once as a
// script with its own file name (so stack frames can be mapped back to Lua positions),
// given the helper table, then bound to an _ENV table.
import vm from "node:vm";
import { compile, Compiled, LuaSyntaxError } from "../compiler/compile.js";
import { registerChunk } from "./core/errors.js";
import { helpers } from "./helpers.js";
import { LuaTable } from "./core/table.js";

let chunkSeq = 0;

export type ChunkFactory = (env: unknown) => (...args: unknown[]) => unknown;

/** Evaluates a compiled chunk; the result binds an _ENV and returns the main function. */
export function instantiate(c: Compiled): ChunkFactory {
  const file = `lua-chunk-${++chunkSeq}-${c.name.replace(/[^\w.\-/]/g, "_").slice(0, 60)}`;
  registerChunk(file, { name: c.name, keys: c.keys, lines: c.lines, info: c.info, fnames: new Map(c.fnames) });
  const script = new vm.Script(c.code, { filename: file });
  const outer = script.runInThisContext() as (h: typeof helpers) => ChunkFactory;
  return outer(helpers);
}

/** Compiles and instantiates Lua source bound to `env`. Throws LuaSyntaxError. */
export function loadLua(source: string, chunkname: string, env: LuaTable | unknown): (...args: unknown[]) => unknown {
  return instantiate(compile(source, chunkname))(env);
}

/** Lua's loadfile convention: a first line starting with '#' is skipped (line count kept). */
export function stripShebang(src: string): string {
  if (!src.startsWith("#")) return src;
  const nl = src.indexOf("\n");
  return nl < 0 ? "" : src.slice(nl);
}

export { LuaSyntaxError };
