// Turning compiled chunks into callable Lua functions: each chunk is evaluated once as a
// script with its own file name (so stack frames can be mapped back to Lua positions),
// given the helper table, then bound to an _ENV table. File chunks go through the on-disk
// compile cache (compile-cache.ts), which also keeps V8's code cache for their scripts.
import { Script } from "node:vm";
import { Compiled, LuaSyntaxError } from "../compiler/compiled.js";
import { ChunkInfo, registerChunk, reserveSites } from "./core/errors.js";
import { helpers } from "./helpers.js";
import { LuaTable } from "./core/table.js";
import { cacheOptions, codeCacheFor, compileCached, scriptMade } from "./compile-cache.js";

let chunkSeq = 0;

export type ChunkFactory = (env: unknown) => (...args: unknown[]) => unknown;

/** Evaluates a compiled chunk; the result binds an _ENV and returns the main function.
 *  `cacheKey`: the chunk's compile-cache key, to use and keep V8's code cache for it. */
export function instantiate(c: Compiled, cacheKey: string | null = null): ChunkFactory {
  // a cached chunk's name comes from its cache key: V8's code cache keeps the file name the
  // script was first compiled under, so it must not depend on the order chunks load in
  const id = cacheKey !== null ? cacheKey.slice(0, 16) : String(++chunkSeq);
  const file = `lua-chunk-${id}-${c.name.replace(/[^\w.\-/]/g, "_").slice(0, 60)}`;
  const info = chunkInfo(c);
  registerChunk(file, info);
  const cachedData = codeCacheFor(cacheKey);
  const script = new Script(c.code, { filename: file, cachedData });
  scriptMade(cacheKey, script, cachedData);
  const outer = script.runInThisContext() as (h: typeof helpers, sites: (count: number) => number) => ChunkFactory;
  return outer(helpers, (count) => reserveSites(info, count));
}

/** The chunk's position table as errors.ts reads it. Read through getters: a chunk from the
 *  compile cache parses its table only when an error or traceback first needs it. */
function chunkInfo(c: Compiled): ChunkInfo {
  let fnames: Map<string, string> | undefined;
  return {
    name: c.name,
    get keys() {
      return c.keys;
    },
    get lines() {
      return c.lines;
    },
    get info() {
      return c.info;
    },
    get fnames() {
      return (fnames ??= new Map(c.fnames));
    },
  };
}

/** Compiles and instantiates Lua source bound to `env`. Throws LuaSyntaxError. `cached`:
 *  through the on-disk compile cache (by default for file chunks, "@name"; load() passes
 *  false, since a string may take any chunk name). */
export function loadLua(
  source: string,
  chunkname: string,
  env: LuaTable | unknown,
  cached = chunkname.startsWith("@"),
): (...args: unknown[]) => unknown {
  const { compiled, key } = compileCached(source, chunkname, cached);
  return instantiate(compiled, key)(env);
}

/** Lua's loadfile convention: a first line starting with '#' is skipped (line count kept). */
export function stripShebang(src: string): string {
  if (!src.startsWith("#")) return src;
  const nl = src.indexOf("\n");
  return nl < 0 ? "" : src.slice(nl);
}

export { LuaSyntaxError, cacheOptions };
