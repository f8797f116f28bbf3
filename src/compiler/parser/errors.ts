// Syntax errors of the Lua parser, worded exactly as Lua 5.4 words them. The message is
// what follows the "chunk:line: " prefix; the caller that knows the chunk name adds it.

export class LuaParseError extends Error {
  /** false when Lua reports the error without a "chunk:line:" prefix (C stack overflow) */
  readonly positional: boolean;
  constructor(
    message: string,
    readonly line: number,
    positional = true,
  ) {
    super(message);
    this.name = "LuaParseError";
    this.positional = positional;
  }
}
