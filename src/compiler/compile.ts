// The compiler's entry point: Lua source (a byte string) → a JS module text plus its
// position table. Phases: parse (parser/, Lua's own grammar and error messages) → transform
// (scopes resolved on the way) → print with marks.
import { parse, LuaParseError } from "./parser/parser.js";
import { ChunkCtx, FuncState, Scope, LocalVar } from "./context.js";
import { CompileError } from "./diagnostics.js";
import { Frag, print } from "./frag.js";
import { HELPERS } from "./helpers.js";
import { T } from "./transform/state.js";
import { block, endsWithReturn } from "./transform/statements.js";
import { CompiledFunc, twinPrologue } from "./transform/functions.js";
import { assignedNames } from "./transform/numkind.js";
import { inferLocalKinds } from "./transform/numinfer.js";
import { chunkDisplayName } from "../runtime-lib/core/errors.js";
import { Compiled, LuaSyntaxError } from "./compiled.js";

export function compile(source: string, chunkname: string): Compiled {
  const name = chunkDisplayName(chunkname);
  try {
    return compileChunk(source, name);
  } catch (e) {
    if (e instanceof LuaParseError) throw new LuaSyntaxError(e.positional ? `${name}:${e.line}: ${e.message}` : e.message);
    if (e instanceof CompileError) throw new LuaSyntaxError(`${name}:${e.line}: ${e.message}`);
    throw e;
  }
}

function compileChunk(source: string, name: string): Compiled {
  const ast = parse(source);
  const chunk = new ChunkCtx(name, assignedNames(ast), inferLocalKinds(ast), "_" + sourceTag(source));
  chunk.fnames.set("$main", "main chunk");
  chunk.fnames.set("$main$g", "main chunk");
  const top = new Scope(null, new FuncState(null, "$load"));
  const env: LocalVar = { kind: "local", name: "_ENV", js: "$ENV", attrib: "", fn: top.fn };
  top.vars.set("_ENV", env);
  const mainBody = (jsName: string, gen: boolean): CompiledFunc => {
    const fn = new FuncState(null, jsName, gen, "$main");
    fn.isVararg = true;
    const t: T = { chunk, fn, scope: new Scope(top, fn) };
    const body = block(ast.body, t);
    return { params: ["...va"], body: [fn.tempDecls(), body, endsWithReturn(ast.body) ? "" : "return EMPTY;\n"] };
  };
  const plain = mainBody("$main", false);
  const twin = mainBody("$main$g", true);
  const body: Frag = [
    "return function ($ENV) {\nreturn function $main(...va) {\n",
    twinPrologue("$main", "$main$g", twin, ["...va"]),
    plain.body,
    "};\n};\n})",
  ];
  // the head asks the runtime for the chunk's site numbers ($sites: one per position-table
  // entry), so it is printed after the body, whose table then has its size
  const head = (sites: number): string =>
    "(function ($R, $sites) {\n\"use strict\";\n" +
    // (var, not const: a const read from a nested function is checked for the temporal dead
    // zone at every use, two more bytecodes each time for code that runs in the interpreter)
    `var {${HELPERS.join(", ")}} = $R;\n` +
    (chunk.consts.length ? `var ${chunk.consts.join(", ")};\n` : "") +
    `var $S = $sites(${sites});\n`;
  const p = print(body, head(0).split("\n").length);
  return { code: head(p.keys.length) + p.code, name, keys: p.keys, lines: p.lines, info: p.info, fnames: [...chunk.fnames] };
}

/** A short tag of the source text (FNV-1a, base 36): chunks compiled from different sources
 *  get different function names. */
function sourceTag(source: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
