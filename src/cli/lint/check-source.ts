// Checks one Lua source as `luac -p` would, plus the lint pass. Parsing gives the syntax
// error (Lua stops at the first) with its column; the lint pass (analyse.ts) finds every
// compile-time error the compiler's later phase would raise, with positions, and the
// warnings. The full compiler runs only for what the lint pass cannot judge (a block with
// labels and a `<close>` variable): compiling is ~20x the cost of parsing, and `assay check`
// must stay fast enough for a pre-commit hook.
import type * as L from "../../compiler/parser/ast.js";
import { Parser, LuaParseError } from "../../compiler/parser/parser.js";
import { compile } from "../../compiler/compile.js";
import { LuaSyntaxError } from "../../compiler/compiled.js";
import { analyse } from "./analyse.js";
import { byPosition, Diagnostic, lintDiag } from "./diagnostics.js";

/** The chunk name the compiler is given: its messages then start "check:LINE: ". */
const NAME = "check";

/** The parser, with the column of the error it stopped at: the current token's when the
 *  error is about it, else where the lexer stopped (an error inside a token). */
class PositionParser extends Parser {
  errorColumn(e: LuaParseError): number {
    if (e.message.endsWith(` near ${this.nearText()}`) && this.sLine === e.line) return this.sCol + 1;
    if (this.line === e.line) return this.pos - this.lineStart + 1;
    return this.sLine === e.line ? this.sCol + 1 : 1;
  }
}

function parseWithColumn(source: string): L.Chunk | Diagnostic {
  const p = new PositionParser(source);
  try {
    return p.parseChunk();
  } catch (e) {
    if (!(e instanceof LuaParseError)) throw e;
    return lintDiag.compile(e.message, e.positional ? e.line : 1, e.positional ? p.errorColumn(e) : 1);
  }
}

/** The compiler's first error, or null when the chunk compiles. */
export function compileError(source: string): { line: number; message: string } | null {
  try {
    compile(source, "=" + NAME);
    return null;
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    const m = /^check:(\d+): ([\s\S]*)$/.exec(e.message);
    return m ? { line: Number(m[1]), message: m[2] } : { line: 1, message: e.message };
  }
}

/** The column of the first whole-word `word` on line `line` of the source; without a word,
 *  of the line's first non-blank character (1 when neither is found). */
function columnOf(source: string, line: number, word: string | undefined): number {
  let start = 0;
  for (let i = 1; i < line && start >= 0; i++) start = source.indexOf("\n", start) + 1 || -1;
  if (start < 0) return 1;
  const end = source.indexOf("\n", start);
  const text = source.slice(start, end < 0 ? undefined : end);
  const first = /\S/.exec(text);
  if (word === undefined) return first ? first.index + 1 : 1;
  const m = new RegExp(`(^|[^\\w])(${word.replace(/[^\w]/g, "\\$&")})(?![\\w])`).exec(text);
  return m ? m.index + m[1].length + 1 : 1;
}

/** Errors and (with `warnings`) warnings of one source (bytes as a latin1 string, shebang
 *  line already blanked), sorted by position. `known`: the globals a script may assign. */
export function checkSource(source: string, known: ReadonlySet<string>, warnings: boolean): Diagnostic[] {
  const ast = parseWithColumn(source);
  if (!("type" in ast)) return [ast];
  const { diagnostics, needsCompiler } = analyse(ast, known);
  const out = warnings ? diagnostics : diagnostics.filter((d) => d.severity === "error");
  if (needsCompiler && !out.some((d) => d.severity === "error")) {
    const failed = compileError(source);
    const name = failed ? /'([^']+)'/.exec(failed.message)?.[1] : undefined;
    if (failed) out.push(lintDiag.compile(failed.message, failed.line, columnOf(source, failed.line, name)));
  }
  return out.sort(byPosition);
}
