// Where `assay build` finds a module: the searchers require uses at run time, in their order
// and with their rules (lib/package.ts) — Lua files on package.path (`./?.lua;./?/init.lua`,
// relative to the current directory, or LUA_PATH_5_4/LUA_PATH), then for `assay.*` names
// the assay searcher over the ASSAY_LIB_PATH directories and the installed stdlib.
import fs from "node:fs";
import path from "node:path";
import { assayCandidates, assayLibDirs, searchPath } from "../../runtime-lib/lib/package.js";

/** The modules require returns without searching: the standard libraries in package.loaded. */
export const PRELOADED = new Set(["_G", "coroutine", "debug", "io", "math", "os", "package", "string", "table", "utf8"]);

/** package.path as a run sets it: LUA_PATH_5_4 or LUA_PATH (";;" standing for the default),
 *  else the default (as lib/package.ts does). */
export function luaPath(): string {
  const def = "./?.lua;./?/init.lua";
  const v = process.env.LUA_PATH_5_4 ?? process.env.LUA_PATH;
  if (v === undefined) return def;
  return v.replace(";;", `;${def};`).replace(/^;|;$/g, "");
}

function readable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file require would load for `name`, or the files it would try (and why it cannot,
 *  for a malformed `assay.*` name). */
export function resolveModule(name: string): { file: string } | { tried: string[]; invalid?: string } {
  const r = searchPath(name, luaPath());
  if ("file" in r) return r;
  const tried = r.tried;
  if (!name.startsWith("assay.")) return { tried };
  const rest = name.slice("assay.".length);
  for (const dir of assayLibDirs()) {
    const files = assayCandidates(rest, dir);
    if (files === null) return { tried, invalid: `invalid assay module name '${name}' (dot-separated names of letters, digits, '_' and '-' only)` };
    for (const f of files) {
      if (readable(f)) return { file: f };
      tried.push(f);
    }
  }
  return { tried };
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** The module a file under a lib directory provides (`rel` without ".lua", with "/"):
 *  X/init → assay.X, a/b → assay.a.b, the flat a.b → assay.a.b; null for none. */
function moduleOf(rel: string): string | null {
  let parts = rel.split("/");
  if (parts.length > 1 && parts[parts.length - 1] === "init") parts = parts.slice(0, -1);
  else if (parts.length === 1 && parts[0].includes(".")) parts = parts[0].split(".");
  return parts.every((p) => SEGMENT.test(p)) ? "assay." + parts.join(".") : null;
}

/** Every `assay.*` module name that has a file in the lib directories. */
export function libModules(): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (dir: string, rel: string, depth: number): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real) || depth > 16) return;
    seen.add(real);
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries.sort()) {
      const p = path.join(dir, e);
      const r = rel === "" ? e : `${rel}/${e}`;
      let st: fs.Stats;
      try {
        st = fs.statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p, r, depth + 1);
      else if (e.endsWith(".lua")) {
        const m = moduleOf(r.slice(0, -".lua".length));
        if (m !== null) names.add(m);
      }
    }
  };
  for (const d of assayLibDirs()) walk(d, "", 0);
  return [...names].sort();
}

export const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

/** A module-name glob: `*` any run of characters (dots included), `?` one character. */
export function globRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === "*" ? ".*" : c === "?" ? "." : "\\" + c));
  return new RegExp(`^${body}$`);
}
