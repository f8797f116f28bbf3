// What `assay check` reports about a Lua file: errors (the file does not compile) and
// warnings (--warnings), each with a 1-based line and column. One factory per message.

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  line: number;
  /** 1-based */
  col: number;
  message: string;
  /** a warning's kind, shown after it: [global-assign], [unused-local], [shadowed-local] */
  code?: string;
}

const warning = (code: string, message: string, line: number, col: number): Diagnostic => ({ severity: "warning", code, message, line, col });
const error = (message: string, line: number, col: number): Diagnostic => ({ severity: "error", message, line, col });

export const lintDiag = {
  // errors, worded as the compiler words them (so they can be matched with its report)
  constAssign: (name: string, line: number, col: number) => error(`attempt to assign to const variable '${name}'`, line, col),
  notDeclared: (name: string, line: number, col: number) => error(`variable '${name}' not declared`, line, col),
  multipleClose: (line: number, col: number) => error("multiple to-be-closed variables in local list", line, col),
  compile: (message: string, line: number, col: number) => error(message, line, col),
  // warnings
  globalAssign: (name: string, line: number, col: number) =>
    warning("global-assign", `assignment to undeclared global '${name}' (make it local, or declare it with 'global ${name}')`, line, col),
  unusedLocal: (name: string, what: "local" | "function", line: number, col: number) =>
    warning("unused-local", what === "function" ? `unused local function '${name}'` : `unused local '${name}'`, line, col),
  shadowedLocal: (name: string, prevLine: number, line: number, col: number) =>
    warning("shadowed-local", `local '${name}' shadows the local of the same name on line ${prevLine}`, line, col),
};

/** `file:line:col: message` (errors) or `file:line:col: warning: message [code]`. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const head = `${file}:${d.line}:${d.col}: `;
  return d.severity === "error" ? head + d.message : `${head}warning: ${d.message} [${d.code}]`;
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col;
}
