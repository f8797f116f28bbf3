// What the compiler hands the runtime, and the error it throws. Part of the core bundle: the
// runtime needs these without the compiler, which a run whose chunks all come from the compile
// cache never loads (the compiler is a bundle of its own, dist/bundle/compiler.mjs).

/** Bumped whenever the compiled code changes for the same source: it is part of every
 *  compile-cache key. */
export const COMPILER_VERSION = "22";

export interface Compiled {
  code: string;
  name: string;
  keys: number[];
  lines: number[];
  info: string[];
  fnames: [string, string][];
}

/** A compile error already formatted as Lua does ("file.lua:3: unexpected symbol near 'x'"). */
export class LuaSyntaxError extends Error {}
