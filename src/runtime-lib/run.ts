// Running a script as `assay run` does: build the state and `arg`, load the chunk, call it
// with the script arguments, and turn an uncaught error into Lua's report and an exit code.
// Exit codes (docs/cli.md): 0 ok, 1 an uncaught error, 2 the main chunk does not compile,
// 128 + n after signal n (worker mode), os.exit(n) gives n. With the json log format the run
// also writes run events (start, end, error) as log lines on stderr; a failure's final error
// message goes to the termination log (Kubernetes' /dev/termination-log) when there is one.
import fs from "node:fs";
import { LuaTable } from "./core/table.js";
import { ExitRequest, LuaError, toLuaError } from "./core/errors.js";
import { createGlobals } from "./state.js";
import { loadLua, stripShebang, LuaSyntaxError, cacheOptions } from "./load.js";
import { flushStdout, writeStderr } from "./io-out.js";
import { errorTraceback } from "./traceback.js";
import { errorMessage } from "./lib/aux.js";
import { DEFAULT_MEMORY_LIMIT, setMemoryLimit } from "./core/memory.js";
import { pendingTasks } from "./exec/scheduler.js";
import { ioPrestart } from "./exec/bridge.js";
import { Interrupted, signalState } from "./exec/signals.js";
import { logFormat, setLogLevel, writeJsonLine } from "./builtins/log.js";
import { VERSION } from "../version.js";

/** The documented exit codes (besides os.exit's own and 128 + a signal number). */
export const EXIT = { ok: 0, error: 1, usage: 2 } as const;

export interface RunOptions {
  /** source bytes as a latin1 string */
  source: string;
  /** chunk name: "@path" for files, "=stdin", or "=(command line)" */
  chunkname: string;
  /** arg[0] */
  scriptName: string;
  /** arguments after the script */
  args: string[];
  /** arguments before the script (arg[-n]) */
  preArgs?: string[];
  /** the memory limit in bytes (0: none); default 64 MB */
  memoryLimit?: number;
  /** report what the run leaves behind (pending tasks) on stderr */
  verbose?: boolean;
  /** worker mode: the cell where the supervising thread records signals (exec/signals.ts) */
  signalCell?: SharedArrayBuffer;
}

export function buildArg(opts: RunOptions): LuaTable {
  const arg = new LuaTable();
  const pre = opts.preArgs ?? [];
  pre.forEach((a, i) => arg.set(i - pre.length, a));
  arg.set(0, opts.scriptName);
  opts.args.forEach((a, i) => arg.set(i + 1, a));
  return arg;
}

/** A fresh Lua state set up for a run (or a REPL session): globals with `arg`, the memory
 *  limit, the signal cell, verbosity. */
export function prepareState(opts: RunOptions): LuaTable {
  const G = createGlobals({ arg: buildArg(opts) });
  setMemoryLimit(opts.memoryLimit ?? DEFAULT_MEMORY_LIMIT);
  if (opts.signalCell) signalState.cell = new Int32Array(opts.signalCell);
  cacheOptions.verbose = opts.verbose === true;
  if (opts.verbose) setLogLevel("debug");
  return G;
}

/** Runs a script as a microtask; resolves to the process exit code. Every way of running a
 *  program goes through here (the main thread, the worker thread, a built file's two): V8
 *  runs microtasks under a handler that keeps no message for a thrown exception, while code
 *  run straight from a script's top level has none, and there every throw (every Lua error,
 *  even one pcall catches) has V8 work out the source position of the throwing frame,
 *  expensive in optimized code: pcall_loop in the worker 4.8 s against 3.3 s. */
export async function runScriptAsTask(opts: RunOptions): Promise<number> {
  await null;
  return runScript(opts);
}

/** A main chunk that names an I/O builtin that runs in the I/O worker, or requires an assay
 *  library (most talk HTTP), will likely wait for I/O: a word, not a parse, so a mention in a
 *  comment counts too. (Not `db`: SQLite, the common case, runs on this thread.) */
const USES_IO = /\b(?:http|shell|ws)\s*[.:[]|\brequire\s*\(?\s*["']assay\./;

/** Runs a script; returns the process exit code. */
export function runScript(opts: RunOptions): number {
  // (the I/O worker starts while the runtime sets up and the script runs to its first wait)
  if (USES_IO.test(opts.source)) ioPrestart();
  // (the clock only when reported: touching `performance` loads Node's perf_hooks)
  const startedAt = runEventsOn() ? performance.now() : 0;
  if (runEventsOn()) runEvent("info", "run started", { event: "start", script: scriptLabel(opts), version: VERSION, pid: process.pid });
  const status = runChunk(prepareState(opts), opts).code;
  if (runEventsOn()) {
    const ms = Math.round((performance.now() - startedAt) * 1000) / 1000;
    runEvent(status === 0 ? "info" : "error", "run finished", { event: "end", script: scriptLabel(opts), duration_ms: ms, exit_code: status });
  }
  return status;
}

/** Loads and calls `opts.source` in the state G; reports a failure; returns the exit code,
 *  and whether os.exit gave it. (Used by the REPL too, for the script and -e chunks that run
 *  before its prompt.) */
export function runChunk(G: LuaTable, opts: RunOptions): { code: number; exited: boolean } {
  const status = (code: number, exited = false): { code: number; exited: boolean } => ({ code, exited });
  let main: (...args: unknown[]) => unknown;
  try {
    main = loadLua(stripShebang(opts.source), opts.chunkname, G);
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    reportFailure(e.message, undefined);
    return status(EXIT.usage);
  }
  try {
    main(...opts.args);
    flushStdout();
    // the program ends with its main chunk: tasks still waiting are dropped
    const pending = pendingTasks();
    if (opts.verbose && pending > 0) writeStderr(`assay: ${pending} pending task${pending === 1 ? "" : "s"} cancelled at exit\n`);
    return status(EXIT.ok);
  } catch (e) {
    if (e instanceof ExitRequest) {
      flushStdout();
      return status(e.code, true);
    }
    reportError(toLuaError(e));
    return status(e instanceof Interrupted ? 128 + e.signo : EXIT.error);
  }
}

/** The message of an error value as lua.c's message handler words it. */
export function messageOf(le: LuaError): string {
  try {
    return errorMessage(le.value);
  } catch (e) {
    return errorMessage(toLuaError(e).value);
  }
}

/** Reports an uncaught error: "assay: message" and the Lua traceback on stderr (an error
 *  event in the json log format), and the message in the termination log. */
export function reportError(le: LuaError): void {
  reportFailure(messageOf(le), le.traceback ?? errorTraceback(le));
}

function reportFailure(msg: string, tb: string | undefined): void {
  if (runEventsOn()) {
    const fields: Record<string, unknown> = { event: "error" };
    if (tb !== undefined) fields.traceback = lossyText(tb);
    runEvent("error", msg, fields);
  } else writeStderr(tb === undefined ? `assay: ${msg}\n` : `assay: ${msg}\n${tb}\n`);
  writeTerminationLog(msg);
}

// ---------------------------------------------------------------- run events

/** Run events are written with the json log format, unless ASSAY_RUN_EVENTS=0 (then an
 *  uncaught error is reported in the human form, as check mode's script checks read it). */
export function runEventsOn(): boolean {
  return logFormat() === "json" && process.env.ASSAY_RUN_EVENTS !== "0";
}

/** One run event: a json log line (the log builtin's shape) with fields.event set. */
export function runEvent(level: "info" | "error", message: string, fields: Record<string, unknown>): void {
  writeJsonLine(level, message, fields);
}

/** The script as run events name it: its path, "-" for stdin, "(command line)" for -e. */
export function scriptLabel(opts: RunOptions): string {
  if (opts.chunkname.startsWith("=")) return opts.chunkname === "=stdin" ? "-" : opts.chunkname.slice(1);
  return lossyText(opts.scriptName);
}

/** Lua bytes as text for JSON (invalid UTF-8 replaced). */
function lossyText(s: string): string {
  return /[\x80-\xff]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s;
}

// ---------------------------------------------------------------- termination log

const DEFAULT_TERMINATION_LOG = "/dev/termination-log";
/** Kubernetes reads at most 4096 bytes of the termination message. */
const TERMINATION_LOG_MAX = 4096;

/** Writes a failed run's final message (Lua bytes) to the termination log: the file named by
 *  ASSAY_TERMINATION_LOG (created if missing; "" turns this off), else /dev/termination-log
 *  when it exists and is writable (a Kubernetes container). Never fails the run. */
export function writeTerminationLog(msg: string): void {
  const override = process.env.ASSAY_TERMINATION_LOG;
  if (override === "") return;
  const file = override ?? DEFAULT_TERMINATION_LOG;
  try {
    if (override === undefined) fs.accessSync(file, fs.constants.W_OK);
    fs.writeFileSync(file, Buffer.from(msg, "latin1").subarray(0, TERMINATION_LOG_MAX));
  } catch {
    // not in a container, or not writable: nothing to do
  }
}
