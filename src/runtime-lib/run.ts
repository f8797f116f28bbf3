// Running a script as `assay run` does: build the state and `arg`, load the chunk, call it
// with the script arguments, and turn an uncaught error into Lua's report and exit code 1.
import { LuaTable } from "./core/table.js";
import { ExitRequest, LuaError, toLuaError } from "./core/errors.js";
import { createGlobals } from "./state.js";
import { loadLua, stripShebang, LuaSyntaxError, cacheOptions } from "./load.js";
import { flushStdout, writeStderr } from "./io-out.js";
import { traceback } from "./traceback.js";
import { errorMessage } from "./lib/aux.js";
import { DEFAULT_MEMORY_LIMIT, setMemoryLimit } from "./core/memory.js";
import { pendingTasks } from "./exec/scheduler.js";
import { Interrupted, signalState } from "./exec/signals.js";
import { setLogLevel } from "./builtins/log.js";

export { ExitRequest };

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

/** Runs a script; returns the process exit code. */
export function runScript(opts: RunOptions): number {
  const G = createGlobals({ arg: buildArg(opts) });
  setMemoryLimit(opts.memoryLimit ?? DEFAULT_MEMORY_LIMIT);
  if (opts.signalCell) signalState.cell = new Int32Array(opts.signalCell);
  cacheOptions.verbose = opts.verbose === true;
  if (opts.verbose) setLogLevel("debug");
  try {
    const main = loadLua(stripShebang(opts.source), opts.chunkname, G);
    main(...opts.args);
    flushStdout();
    // the program ends with its main chunk: tasks still waiting are dropped
    const pending = pendingTasks();
    if (opts.verbose && pending > 0) writeStderr(`assay: ${pending} pending task${pending === 1 ? "" : "s"} cancelled at exit\n`);
    return 0;
  } catch (e) {
    if (e instanceof ExitRequest) {
      flushStdout();
      return e.code;
    }
    if (e instanceof LuaSyntaxError) {
      writeStderr(`assay: ${e.message}\n`);
      return 1;
    }
    reportError(toLuaError(e));
    return e instanceof Interrupted ? 128 + e.signo : 1;
  }
}

export { errorMessage };

export function reportError(le: LuaError): void {
  let msg: string;
  try {
    msg = errorMessage(le.value);
  } catch (e) {
    msg = errorMessage(toLuaError(e).value);
  }
  const tb = le.traceback ?? traceback(le.sites);
  writeStderr(`assay: ${msg}\n${tb}\n`);
}
