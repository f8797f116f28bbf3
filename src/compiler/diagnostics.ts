// Compile errors, each with Lua's wording. The message is prefixed with "chunk:line:" by the
// caller that knows the chunk name.

export class CompileError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export const diag = {
  constAssign: (name: string, line: number) => new CompileError(`attempt to assign to const variable '${name}'`, line),
  noLabel: (label: string, gotoLine: number, line: number) =>
    new CompileError(`no visible label '${label}' for <goto> at line ${gotoLine}`, line),
  breakOutside: (line: number) => new CompileError(`break outside loop at line ${line}`, line),
};
