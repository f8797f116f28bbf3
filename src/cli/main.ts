// The `assay` command line. The common forms (`run FILE`, `FILE.lua`, `-`) run from here;
// anything else goes to commands.ts, the commander set-up of every command and option. Every
// command, option, variable and exit code is in docs/cli.md.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { launch } from "./launch.js";
import { cannotOpen, internalError, usageError } from "./errors.js";
import type { RunOptions } from "../runtime-lib/run.js";

// for start.ts, which starts the Lua worker thread its own way (with the code cache)
export { embeddedWorker } from "./launch.js";
export { runWorker } from "./worker-run.js";

function readScript(file: string): string {
  if (file === "-") return readFileSync(0, "latin1");
  return readFileSync(file, "latin1");
}

export interface RunFlags {
  verbose?: boolean;
  /** megabytes, from --memory-limit */
  memoryLimit?: string;
  /** --log-format: human or json (sets ASSAY_LOG_FORMAT for the run) */
  logFormat?: string;
}

/** --log-format becomes ASSAY_LOG_FORMAT, which the log builtin and the run events read (the
 *  worker thread inherits the environment). */
function applyLogFormat(flags: RunFlags): string | null {
  const f = flags.logFormat;
  if (f === undefined) return null;
  if (f !== "human" && f !== "json") return `--log-format: expected human or json, got "${f}"`;
  process.env.ASSAY_LOG_FORMAT = f;
  return null;
}

/** The memory limit in bytes: --memory-limit, else ASSAY_MEMORY_LIMIT (megabytes; 0 = none). */
function memoryLimit(flags: RunFlags): number | undefined | Error {
  const v = flags.memoryLimit ?? process.env.ASSAY_MEMORY_LIMIT;
  if (v === undefined || v === "") return undefined;
  const mb = Number(v);
  if (!Number.isFinite(mb) || mb < 0) return new Error(`invalid memory limit '${v}' (megabytes expected)`);
  return Math.round(mb * 1048576);
}

/** The run options of a script file (or "-"), or the usage error's status. */
function scriptOptions(file: string, args: string[], flags: RunFlags): RunOptions | number {
  const limit = memoryLimit(flags);
  if (limit instanceof Error) return usageError(limit.message);
  const bad = applyLogFormat(flags);
  if (bad !== null) return usageError(bad);
  let source: string;
  try {
    source = readScript(file);
  } catch (e) {
    return usageError(cannotOpen(file, e));
  }
  const chunkname = file === "-" ? "=stdin" : "@" + file;
  return { source, chunkname, scriptName: file, args, memoryLimit: limit, verbose: flags.verbose };
}

export async function runFile(file: string, args: string[], flags: RunFlags = {}): Promise<number> {
  const opts = scriptOptions(file, args, flags);
  return typeof opts === "number" ? opts : launch(opts);
}

export type DefaultFlags = { e?: string[]; i?: boolean } & RunFlags;

export async function runDefault(file: string | undefined, args: string[], opts: DefaultFlags): Promise<number> {
  if (opts.i) return interactive(file, args, opts);
  if (opts.e && opts.e.length) {
    const bad = applyLogFormat(opts);
    if (bad !== null) return usageError(bad);
    const code = opts.e.join("\n");
    const status = await launch({ source: code, chunkname: "=(command line)", scriptName: file ?? "", args: file ? args : [] });
    if (status !== 0 || !file) return status;
  }
  // no script: as lua, a REPL on a terminal, else the script is standard input
  if (!file) return process.stdin.isTTY ? interactive(undefined, [], opts) : runFile("-", [], opts);
  const ext = extname(file);
  if (ext === ".yaml" || ext === ".yml") return (await import("./check-cmd.js")).runCheckArgs(file, args, opts);
  return runFile(file, args, opts);
}

/** The REPL, after -e code and the script (if given) ran in its state, as `lua -i`. */
export async function interactive(file: string | undefined, args: string[], opts: DefaultFlags): Promise<number> {
  const limit = memoryLimit(opts);
  if (limit instanceof Error) return usageError(limit.message);
  const bad = applyLogFormat(opts);
  if (bad !== null) return usageError(bad);
  const base: RunOptions = { source: "", chunkname: "=stdin", scriptName: file ?? "assay", args, memoryLimit: limit, verbose: opts.verbose };
  const preload: RunOptions[] = [];
  if (opts.e && opts.e.length) preload.push({ ...base, source: opts.e.join("\n"), chunkname: "=(command line)", args: [] });
  if (file !== undefined) {
    const script = scriptOptions(file, args, opts);
    if (typeof script === "number") return script;
    preload.push(script);
  }
  const { startRepl } = await import("./repl.js");
  return startRepl({ base, preload });
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (e) {
    return internalError(e);
  }
}

async function dispatch(argv: string[]): Promise<number> {
  // the common forms skip loading the option parser: `run FILE ...`, `FILE.lua ...`, `- ...`
  const [first, second] = argv;
  if (first === "run" && second !== undefined && (second === "-" || !second.startsWith("-"))) return runFile(second, argv.slice(2));
  if (first !== undefined && (first === "-" || (!first.startsWith("-") && first !== "run" && first.endsWith(".lua"))))
    return runDefault(first, argv.slice(1), {});
  // (everything else — the option parser and the other commands — is a bundle of its own,
  // dist/bundle/commands.mjs, that `assay run FILE` never reads)
  return (await import("./commands.js")).parseWithCommander(argv);
}
