// What goes into a built file: the script and, transitively, every module it requires with a
// literal name (requires.ts), found where require finds it at run time (resolve.ts), plus
// the modules --include asks for. Every chunk is parsed, so a syntax error fails the build
// as it would fail the run.
import fs from "node:fs";
import { parse, LuaParseError } from "../../compiler/parser/parser.js";
import { chunkDisplayName } from "../../runtime-lib/core/errors.js";
import { stripShebang } from "../../runtime-lib/load.js";
import { cannotOpen } from "../errors.js";
import { findRequires } from "./requires.js";
import { PRELOADED, globRegExp, isGlob, libModules, resolveModule } from "./resolve.js";
import { assayLibDirs } from "../../runtime-lib/lib/package.js";

/** A build that cannot be done; the message follows "assay build: ". */
export class BuildError extends Error {}

export interface Module {
  name: string;
  /** the file name as require finds it at run time (error messages name it) */
  file: string;
  source: string;
}

export interface Collected {
  script: { file: string; source: string };
  modules: Module[];
}

function read(file: string): string {
  try {
    return fs.readFileSync(file, "latin1");
  } catch (e) {
    throw new BuildError(cannotOpen(file, e));
  }
}

const notFound = (tried: string[]): string => tried.map((f) => `\n\tno file '${f}'`).join("");

export function collect(script: string, includes: string[]): Collected {
  const modules = new Map<string, Module>();
  const errors: string[] = [];
  const queue: Array<{ file: string; source: string; strip: boolean }> = [];

  /** Adds module `name` on behalf of `from` ("job.lua:3", "--include x"), or notes that it
   *  is missing (once, where it is first required). */
  const missing = new Set<string>();
  const want = (name: string, from: string): void => {
    if (PRELOADED.has(name) || modules.has(name) || missing.has(name)) return;
    const r = resolveModule(name);
    if (!("file" in r)) {
      missing.add(name);
      errors.push(`${from}: module '${name}' not found:${r.invalid ? `\n\t${r.invalid}` : notFound(r.tried)}`);
      return;
    }
    const m = { name, file: r.file, source: read(r.file) };
    modules.set(name, m);
    queue.push({ file: m.file, source: m.source, strip: false });
  };

  const source = read(script);
  queue.push({ file: script, source, strip: true });
  for (const inc of includes) {
    if (!isGlob(inc)) {
      want(inc, `--include ${inc}`);
      continue;
    }
    const re = globRegExp(inc);
    const names = libModules().filter((n) => re.test(n));
    if (names.length === 0) errors.push(`--include ${inc}: no module matches in ${assayLibDirs().join(", ")}`);
    names.forEach((n) => want(n, `--include ${inc}`));
  }
  // (the script's own shebang line is skipped as `assay run` skips it; modules are loaded as
  // they are)
  for (let item; (item = queue.shift()); ) {
    const name = chunkDisplayName("@" + item.file);
    let ast;
    try {
      ast = parse(item.strip ? stripShebang(item.source) : item.source);
    } catch (e) {
      if (!(e instanceof LuaParseError)) throw e;
      throw new BuildError(e.positional ? `${name}:${e.line}: ${e.message}` : `${name}: ${e.message}`);
    }
    for (const r of findRequires(ast)) want(r.name, `${name}:${r.line}`);
  }
  if (errors.length > 0) throw new BuildError(errors.join("\n"));
  return { script: { file: script, source }, modules: [...modules.values()] };
}
