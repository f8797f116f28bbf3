// `assay check FILE.lua...`: compiles each file without running it (as `luac -p`) and prints
// every error — and with --warnings the lint pass's warnings — as `file:line:col: message`
// on stdout, one a line, files in the order given (a directory: its *.lua files, sorted).
// Every file is checked even after one fails. Exit status: 0 clean (warnings alone too,
// unless --strict), 1 a file has errors (or, with --strict, warnings), 2 a file could not be
// read. docs/cli.md.
import fs from "node:fs";
import path from "node:path";
import { stripShebang } from "../../runtime-lib/load.js";
import { cannotOpen } from "../errors.js";
import { checkSource } from "./check-source.js";
import { formatDiagnostic } from "./diagnostics.js";

export interface LintFlags {
  /** report the lint warnings too */
  warnings?: boolean;
  /** warnings fail the check (implies warnings) */
  strict?: boolean;
}

export interface LintResult {
  files: number;
  lines: number;
  /** time spent reading, parsing and analysing (ms) */
  ms: number;
  errors: number;
  warnings: number;
  unreadable: number;
}

/** The files to check: files as given, directories walked for *.lua (skipping dot
 *  directories and node_modules). */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = p !== "-" && fs.statSync(p).isDirectory();
    } catch {
      // reported when it is read
    }
    if (dir) walk(p, out);
    else out.push(p);
  }
  return out;
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules") walk(p, out);
    else if (e.isFile() && e.name.endsWith(".lua")) out.push(p);
  }
}

let knownGlobals: Set<string> | null = null;

/** The global names of a fresh state (standard libraries and builtins), and `arg`. */
async function standardGlobals(): Promise<Set<string>> {
  if (knownGlobals) return knownGlobals;
  const { createGlobals } = await import("../../runtime-lib/state.js");
  const G = createGlobals();
  const names = new Set<string>(["arg"]);
  for (let e = G.next(undefined); e !== undefined; e = G.next(e[0])) if (typeof e[0] === "string") names.add(e[0]);
  return (knownGlobals = names);
}

/** Checks the files; writes the report on stdout (problems reading on stderr). */
export async function lintFiles(paths: string[], flags: LintFlags, write: (line: string) => void = (l) => process.stdout.write(l + "\n")): Promise<LintResult> {
  const warnings = flags.warnings === true || flags.strict === true;
  const known = warnings ? await standardGlobals() : new Set<string>();
  const startedAt = performance.now();
  const result: LintResult = { files: 0, lines: 0, ms: 0, errors: 0, warnings: 0, unreadable: 0 };
  for (const file of expandPaths(paths)) {
    let source: string;
    try {
      source = fs.readFileSync(file === "-" ? 0 : file, "latin1");
    } catch (e) {
      process.stderr.write(`assay: ${cannotOpen(file, e)}\n`);
      result.unreadable++;
      continue;
    }
    result.files++;
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) result.lines++;
    const name = file === "-" ? "stdin" : file;
    for (const d of checkSource(stripShebang(source), known, warnings)) {
      // (messages quote the source's bytes: shown as the UTF-8 they most likely are)
      write(formatDiagnostic(name, { ...d, message: Buffer.from(d.message, "latin1").toString("utf8") }));
      if (d.severity === "error") result.errors++;
      else result.warnings++;
    }
  }
  result.ms = performance.now() - startedAt;
  return result;
}

/** The --verbose summary line. */
export function lintSummary(r: LintResult): string {
  const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? "" : "s"}`;
  return `assay: checked ${n(r.files, "file")} (${n(r.lines, "line")}) in ${Math.round(r.ms)} ms: ${n(r.errors, "error")}, ${n(r.warnings, "warning")}`;
}

/** The exit status of a lint run. */
export function lintStatus(r: LintResult, flags: LintFlags): number {
  if (r.unreadable > 0) return 2;
  if (r.errors > 0 || (flags.strict && r.warnings > 0)) return 1;
  return 0;
}
