// The package library: require with Lua 5.4's searchers (package.preload, then Lua files on
// package.path), plus the assay searcher for `assay.*` names, which looks in each directory
// of ASSAY_LIB_PATH (`:`-separated, default /lib/assay) and then in the stdlib directory
// installed with assay: `assay.X` → X/init.lua, X.lua; `assay.vault.pki` → vault/pki/init.lua,
// vault/pki.lua, then the flat vault.pki.lua of older libraries. Modules embedded by
// `assay build` are found before all of these.
import { closeSync, existsSync, openSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LuaTable } from "../core/table.js";
import { Multi, EMPTY, first } from "../core/multi.js";
import { LuaError } from "../core/errors.js";
import { callable } from "../core/ops.js";
import { loadLua, LuaSyntaxError } from "../load.js";
import { checkString, libError, optString } from "./aux.js";
import { checkLibDir } from "./stdlib-manifest.js";
import { setLoaded } from "../traceback.js";

const LUA_PATH_DEFAULT = "./?.lua;./?/init.lua";
const LIB_PATH_DEFAULT = "/lib/assay";

/** Modules compiled into a bundle by `assay build`: module name → source and file name. */
export const embeddedModules = new Map<string, { source: string; file: string }>();

/** The stdlib directory shipped with assay (dist/bundle/../../stdlib), if there is one;
 *  looked for once, when first needed (undefined until then). */
let stdlibDir: string | null | undefined;

function installedStdlib(): string | null {
  if (stdlibDir !== undefined) return stdlibDir;
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const dir = resolve(here, "..", "..", "stdlib");
    stdlibDir = existsSync(dir) ? dir : null;
  } catch {
    stdlibDir = null;
  }
  return stdlibDir;
}

/** The directories the assay searcher looks in, in order. */
export function assayLibDirs(): string[] {
  const env = process.env.ASSAY_LIB_PATH;
  const dirs = (env === undefined || env === "" ? LIB_PATH_DEFAULT : env).split(":").filter((d) => d !== "");
  const std = installedStdlib();
  if (std !== null && !dirs.includes(std)) dirs.push(std);
  return dirs;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** The files that may hold module `assay.<rest>` in `dir`, or null when the name is not a
 *  plain dotted name (it could escape the directory). */
export function assayCandidates(rest: string, dir: string): string[] | null {
  const parts = rest.split(".");
  if (!parts.every((p) => SEGMENT.test(p))) return null;
  const rel = parts.join("/");
  const out = [join(dir, rel, "init.lua"), join(dir, rel + ".lua")];
  if (parts.length > 1) out.push(join(dir, rest + ".lua"));
  return out;
}

function readable(file: string): boolean {
  try {
    closeSync(openSync(file, "r"));
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** package.searchpath: the first readable file of `template` with name substituted; else
 *  every candidate, as Lua lists them (empty templates included). */
export function searchPath(name: string, template: string, sep = ".", rep = "/"): { file: string } | { tried: string[] } {
  const n = sep === "" ? name : name.split(sep).join(rep);
  const tried = template.split("?").join(n).split(";");
  for (const file of tried) if (file !== "" && readable(file)) return { file };
  return { tried };
}

/** Lua's "no file" list for searchers' messages. */
function noFiles(tried: string[]): string {
  return tried.map((f) => `no file '${f}'`).join("\n\t");
}

function envPath(defaultPath: string): string {
  const v = process.env.LUA_PATH_5_4 ?? process.env.LUA_PATH;
  if (v === undefined) return defaultPath;
  return v.replace(";;", `;${defaultPath};`).replace(/^;|;$/g, "");
}

/** Loads a Lua file as a module chunk; a syntax error is Lua's "error loading module". */
function loadModuleFile(modname: string, file: string, G: LuaTable, source?: string): Function {
  let src: string;
  try {
    src = source ?? readFileSync(file, "latin1");
  } catch (e) {
    throw new LuaError(`error loading module '${modname}' from file '${file}':\n\tcannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return loadLua(src, "@" + file, G);
  } catch (e) {
    if (e instanceof LuaSyntaxError) throw new LuaError(`error loading module '${modname}' from file '${file}':\n\t${e.message}`);
    throw e;
  }
}

export function openPackage(G: LuaTable): void {
  const pkg = new LuaTable();
  const loaded = new LuaTable();
  const preload = new LuaTable();
  pkg.setStr("config", "/\n;\n?\n!\n-\n");
  pkg.setStr("path", envPath(LUA_PATH_DEFAULT));
  pkg.setStr("cpath", "");
  pkg.setStr("loaded", loaded);
  setLoaded(loaded);
  pkg.setStr("preload", preload);

  const searchers = new LuaTable([
    function searcher_preload(name: unknown): unknown {
      const n = checkString(name, 1, "searcher_preload");
      const v = preload.get(n);
      if (v !== undefined) return new Multi([v, ":preload:"]);
      const emb = embeddedModules.get(n);
      if (emb !== undefined) return new Multi([loadModuleFile(n, emb.file, G, emb.source), emb.file]);
      return `no field package.preload['${n}']`;
    },
    function searcher_Lua(name: unknown): unknown {
      const n = checkString(name, 1, "searcher_Lua");
      const p = pkg.get("path");
      if (typeof p !== "string") throw new LuaError("'package.path' must be a string");
      const r = searchPath(n, p);
      if ("file" in r) return new Multi([loadModuleFile(n, r.file, G), r.file]);
      return noFiles(r.tried);
    },
    function searcher_assay(name: unknown): unknown {
      const n = checkString(name, 1, "searcher_assay");
      if (!n.startsWith("assay.")) return EMPTY;
      const rest = n.slice("assay.".length);
      const tried: string[] = [];
      for (const dir of assayLibDirs()) {
        const files = assayCandidates(rest, dir);
        if (files === null) return `invalid assay module name '${n}' (dot-separated names of letters, digits, '_' and '-' only)`;
        for (const f of files) {
          if (readable(f)) {
            // (warns once when the directory's manifest.yaml excludes this runtime)
            checkLibDir(dir);
            return new Multi([loadModuleFile(n, f, G), f]);
          }
          tried.push(f);
        }
      }
      return noFiles(tried);
    },
  ]);
  pkg.setStr("searchers", searchers);

  pkg.setStr("searchpath", function searchpath(name: unknown, p: unknown, sep: unknown, rep: unknown): unknown {
    // (checked last argument first, as the reference build evaluates them)
    const r4 = optString(rep, 4, "package.searchpath", "/");
    const r3 = optString(sep, 3, "package.searchpath", ".");
    const t = checkString(p, 2, "package.searchpath", arguments.length > 1);
    const n = checkString(name, 1, "package.searchpath", arguments.length > 0);
    const r = searchPath(n, t, r3, r4);
    if ("file" in r) return r.file;
    return new Multi([undefined, noFiles(r.tried)]);
  });

  function require(name: unknown): unknown {
    const n = checkString(name, 1, "require", arguments.length > 0);
    const have = loaded.get(n);
    if (have !== undefined && have !== false) return have;
    const list = pkg.get("searchers");
    if (!(list instanceof LuaTable)) throw libError("require", "'package.searchers' must be a table");
    let msg = "";
    for (let i = 1; ; i++) {
      const s = list.get(i);
      if (s === undefined) throw libError("require", `module '${n}' not found:${msg}`);
      const r = callable(s)(n);
      const loader = first(r);
      if (typeof loader === "function") {
        const extra = r instanceof Multi ? r.v[1] : undefined;
        const v = first(loader(n, extra));
        if (v !== undefined) loaded.set(n, v);
        else if (loaded.get(n) === undefined) loaded.set(n, true);
        return new Multi([loaded.get(n), extra]);
      }
      // (each searcher's message on its own line, as Lua joins them)
      if (typeof loader === "string") msg += "\n\t" + loader;
    }
  }

  G.setField("require", require);
  G.setField("package", pkg);
  // the libraries opened so far (package is opened last)
  for (const lib of ["_G", "coroutine", "debug", "io", "math", "os", "string", "table", "utf8"]) {
    const v = G.get(lib);
    if (v !== undefined) loaded.setStr(lib, v);
  }
  loaded.setStr("package", pkg);
}
