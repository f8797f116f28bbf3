// `assay stdlib list`: the libraries `require("assay.X")` can find — every directory of
// ASSAY_LIB_PATH (then the stdlib installed with assay), the stdlib manifest each holds
// (name, version, requires.assay) and per library its description, whether the manifest
// lists it, and whether an earlier directory shadows it.
// `assay stdlib compile`: compiles every module file of those directories into the compile
// cache, under the names `require` gives them — for images that ship a filled cache.
// Registered on the commander program by main.ts; each action hands its exit code to `done`.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { Command } from "commander";
import { isDirectory, isFile } from "./files.js";
import { assayCandidates, assayLibDirs } from "../runtime-lib/lib/package.js";
import { MANIFEST_FILE, headOf, incompatibility } from "../runtime-lib/lib/stdlib-manifest.js";
import { cacheInfo } from "../runtime-lib/compile-cache.js";
import { loadLua, LuaSyntaxError } from "../runtime-lib/load.js";
import { LuaTable } from "../runtime-lib/core/table.js";
import { VERSION } from "../version.js";

export interface LibraryInfo {
  /** the module name after `assay.` ("k8s", "vault.pki") */
  name: string;
  /** the file `require` loads */
  file: string;
  description?: string;
  /** the library's entry in the manifest */
  inManifest: boolean;
  /** the file of the same library in an earlier directory, which `require` loads instead */
  shadowedBy?: string;
  /** libraries its manifest entry requires that no directory holds */
  missing: string[];
}

export interface LibDirInfo {
  dir: string;
  exists: boolean;
  manifest?: { name?: string; version?: string; requiresAssay?: string; problem?: string };
  /** why this runtime does not fit requires.assay, if it does not */
  incompatible?: string;
  libraries: LibraryInfo[];
}

interface ManifestEntry {
  description?: unknown;
  requires_libraries?: unknown;
}

// the package is loaded from node_modules when this command runs (a plain import would put
// it in the command-line bundle every script run loads)
function yaml(): typeof import("yaml") {
  return createRequire(import.meta.url)("yaml") as typeof import("yaml");
}

const NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** The top-level libraries in `dir`: X/init.lua and X.lua (flat v0.4 names included). */
function topLevel(dir: string): string[] {
  const names: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const isDir = e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(dir, e.name)));
    if (isDir && fs.existsSync(path.join(dir, e.name, "init.lua"))) names.push(e.name);
    else if (!isDir && e.name.endsWith(".lua") && NAME.test(e.name.slice(0, -4))) names.push(e.name.slice(0, -4));
  }
  return names;
}

/** The file `require("assay.<name>")` would load from `dir`, if any. */
function moduleFile(dir: string, name: string): string | undefined {
  return (assayCandidates(name, dir) ?? []).find(isFile);
}

/** The manifest of `dir` and its library entries (empty when there is none). */
function readManifest(dir: string): { info?: LibDirInfo["manifest"]; entries: Map<string, ManifestEntry> } {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return { entries: new Map() };
  try {
    const doc = (yaml().parse(fs.readFileSync(file, "utf8")) ?? {}) as Record<string, unknown>;
    const libs = (doc.libraries ?? {}) as Record<string, ManifestEntry>;
    const entries = new Map(Object.entries(libs).map(([k, v]) => [k, v ?? {}] as [string, ManifestEntry]));
    return { info: headOf(doc), entries };
  } catch (e) {
    return { info: { problem: `cannot read ${file}: ${(e as Error).message.split("\n")[0]}` }, entries: new Map() };
  }
}

/** What every directory of the library path holds, in search order. */
export function stdlibInventory(dirs: string[] = assayLibDirs()): LibDirInfo[] {
  const out: LibDirInfo[] = [];
  const seen = new Map<string, string>(); // library → file require loads
  for (const dir of dirs) {
    if (!isDirectory(dir)) {
      out.push({ dir, exists: false, libraries: [] });
      continue;
    }
    const { info, entries } = readManifest(dir);
    const incompatible = info && !info.problem ? (incompatibility(info) ?? undefined) : undefined;
    // top-level libraries, plus sub-modules the manifest lists (vault.pki)
    const names = new Set(topLevel(dir));
    for (const k of entries.keys()) if (k.includes(".") && NAME.test(k) && moduleFile(dir, k)) names.add(k);
    const libraries: LibraryInfo[] = [];
    for (const name of [...names].sort()) {
      const file = moduleFile(dir, name);
      if (file === undefined) continue;
      const entry = entries.get(name);
      const lib: LibraryInfo = { name, file, inManifest: entry !== undefined, missing: [] };
      if (typeof entry?.description === "string") lib.description = entry.description;
      if (seen.has(name)) lib.shadowedBy = seen.get(name);
      else seen.set(name, file);
      if (Array.isArray(entry?.requires_libraries)) lib.missing = entry.requires_libraries.map(String);
      libraries.push(lib);
    }
    out.push({ dir, exists: true, manifest: info, incompatible, libraries });
  }
  // (a required library counts as found in any directory: require searches them all)
  const found = new Set(out.flatMap((d) => d.libraries.map((l) => l.name)));
  for (const d of out) for (const l of d.libraries) l.missing = l.missing.filter((m) => !found.has(m));
  return out;
}

/** The inventory as text: one block per directory, one line per library. */
export function formatInventory(dirs: LibDirInfo[]): string {
  let s = "";
  for (const d of dirs) {
    if (!d.exists) {
      s += `${d.dir}: no such directory\n`;
      continue;
    }
    const m = d.manifest;
    const head = m === undefined ? "no manifest.yaml" : m.problem ?? `${m.name ?? "(unnamed)"} ${m.version ?? "(no version)"}` + (m.requiresAssay ? `, requires assay ${m.requiresAssay}` : "");
    s += `${d.dir}: ${head}\n`;
    if (d.incompatible) s += `  warning: ${d.incompatible}\n`;
    if (d.libraries.length === 0) s += "  (no libraries)\n";
    const width = Math.max(0, ...d.libraries.map((l) => l.name.length));
    const version = m?.version ?? "-";
    for (const l of d.libraries) {
      const notes = [l.description ?? (l.inManifest ? "" : `(not in ${MANIFEST_FILE})`)];
      if (l.shadowedBy) notes.push(`(shadowed by ${l.shadowedBy})`);
      if (l.missing.length) notes.push(`(requires ${l.missing.join(", ")}: not found)`);
      s += `  ${l.name.padEnd(width)}  ${l.inManifest ? version : "-"}  ${notes.filter((n) => n !== "").join(" ")}`.trimEnd() + "\n";
    }
  }
  return s;
}

function list(flags: { json?: boolean }): number {
  const inv = stdlibInventory();
  if (flags.json) process.stdout.write(JSON.stringify({ assay: VERSION, directories: inv }, null, 2) + "\n");
  else process.stdout.write(formatInventory(inv));
  return 0;
}

/** The module files of a library directory (*.lua outside tests/ folders), as `require`
 *  names them: path.join(dir, ...). */
function moduleFilesOf(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel === "" ? e.name : path.join(rel, e.name);
    if (e.isDirectory() && e.name !== "tests") out.push(...moduleFilesOf(dir, r));
    else if (e.isFile() && e.name.endsWith(".lua")) out.push(path.join(dir, r));
  }
  return out.sort();
}

/** Compiles every module of the library directories into the compile cache. */
function compile(dirs: string[]): number {
  const before = cacheInfo();
  if (before.problem !== null) {
    process.stderr.write(`assay stdlib compile: the compile cache ${before.dir} cannot be written: ${before.problem}\n`);
    return 1;
  }
  const list = dirs.length > 0 ? dirs : assayLibDirs().filter(isDirectory);
  let n = 0;
  let failed = 0;
  for (const dir of list) {
    if (!isDirectory(dir)) {
      process.stderr.write(`assay stdlib compile: ${dir}: no such directory\n`);
      failed++;
      continue;
    }
    for (const file of moduleFilesOf(dir)) {
      try {
        // (read and named as the assay searcher does, so that require finds the entry)
        loadLua(fs.readFileSync(file, "latin1"), "@" + file, new LuaTable());
        n++;
      } catch (e) {
        if (!(e instanceof LuaSyntaxError)) throw e;
        process.stderr.write(`assay stdlib compile: ${e.message}\n`);
        failed++;
      }
    }
  }
  const added = cacheInfo().entries - before.entries;
  process.stdout.write(`compiled ${n} module file${n === 1 ? "" : "s"} of ${list.join(", ")} into ${before.dir} (${added} new entr${added === 1 ? "y" : "ies"})\n`);
  return failed > 0 ? 1 : 0;
}

export function registerStdlibCommand(program: Command, done: (status: number) => void): void {
  const stdlib = program
    .command("stdlib")
    .description("the assay.* libraries on ASSAY_LIB_PATH (default /lib/assay) and their manifests");
  stdlib
    .command("list")
    .description("print the libraries found on ASSAY_LIB_PATH, with versions and descriptions")
    .option("--json", "print JSON instead")
    .action((flags: { json?: boolean }) => done(list(flags)));
  stdlib
    .command("compile")
    .description("compile every module of the library directories (default: ASSAY_LIB_PATH's) into the compile cache, e.g. while building an image")
    .argument("[dirs...]", "library directories, named as on ASSAY_LIB_PATH at run time")
    .action((dirs: string[]) => done(compile(dirs)));
}
