// Starts a Lua run (on this thread or in a worker thread) and resolves with its exit code.
// In worker mode this thread supervises: it passes SIGTERM/SIGINT on, ends a program that
// does not stop (128 + the signal number), and reports what the worker itself cannot (the
// heap cap reached, the program ended by force) as run.ts reports errors.
import type { Worker } from "node:worker_threads";
import type { RunOptions } from "../runtime-lib/run.js";
import { writeSync } from "node:fs";

export interface Limits {
  /** JS stack for the Lua thread (deep recursion) */
  stackMb: number;
  /** heap cap */
  memoryMb: number;
}

export const DEFAULT_LIMITS: Limits = { stackMb: 192, memoryMb: 4096 };

/** The arguments that start `assay run ARGS...` as a child of this node (`assay test`'s test
 *  files, check mode's script checks): this process's flags — so the same stack set-up, but
 *  no --inspect, whose port would clash — and its entry (bin/assay.js). */
export function childRunArgs(args: string[]): string[] {
  const flags = process.execArgv.filter((a) => !a.startsWith("--inspect"));
  return [...flags, process.argv[1], "run", ...args];
}

/** Runs the script on this thread when the launcher gave it a deep stack (bin/assay sets
 *  ASSAY_MAIN_STACK_KB after raising the stack limit), else in a worker with its own stack.
 *  As process 1 (a container's entrypoint), or with ASSAY_WORKER=1, it always uses a worker:
 *  this thread then stays free to take SIGTERM/SIGINT and pass them to the program. */
export async function launch(opts: RunOptions, limits: Limits = DEFAULT_LIMITS): Promise<number> {
  const worker = process.pid === 1 || process.env.ASSAY_WORKER === "1";
  if (!worker && Number(process.env.ASSAY_MAIN_STACK_KB) >= 65536) {
    const { runScriptAsTask } = await import("../runtime-lib/run.js");
    return runScriptAsTask(opts);
  }
  return launchWorker(opts, limits);
}

/** Set by a file built with `assay build`, which has no worker file next to it: the worker's
 *  code (CommonJS, started with `eval: true`) and what it needs in workerData besides the run
 *  options. */
export const embeddedWorker: { code?: string; data?: Record<string, unknown> } = {};

/** After SIGTERM/SIGINT the program has this long to end by itself (a second signal ends it
 *  at once). */
const SIGNAL_GRACE_MS = 5000;

/** A worker thread running worker.ts with `data` (a run's options, or the REPL's session)
 *  and `limits`; it writes to the process's stdout and stderr itself. */
export async function startLuaWorker(data: object, limits: Limits = DEFAULT_LIMITS): Promise<Worker> {
  const { Worker } = await import("node:worker_threads");
  // bundled (dist/bundle/*.mjs) or compiled file by file (dist/cli/*.js)
  const file = import.meta.url.endsWith(".mjs") ? "./worker.mjs" : "./worker.js";
  const code = embeddedWorker.code;
  return new Worker(code ?? new URL(file, import.meta.url), {
    eval: code !== undefined,
    workerData: { ...embeddedWorker.data, ...data },
    resourceLimits: { stackSizeMb: limits.stackMb, maxOldGenerationSizeMb: limits.memoryMb },
    stdout: false,
    stderr: false,
  });
}

async function launchWorker(opts: RunOptions, limits: Limits): Promise<number> {
  const signalCell = new SharedArrayBuffer(4);
  const cell = new Int32Array(signalCell);
  const w = await startLuaWorker({ ...opts, signalCell }, limits);
  return new Promise((resolve) => {
    let failed = false;
    let stopped = false;
    const startedAt = performance.now();
    w.on("error", (e: Error & { code?: string }) => {
      failed = true;
      const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
      void supervisorFailure(oom ? "not enough memory" : `internal error: ${e.stack ?? e.message}`, null);
    });
    const onSignal = (signal: NodeJS.Signals): void => {
      const signo = signal === "SIGINT" ? 2 : 15;
      const stop = (): void => {
        if (stopped) return;
        stopped = true;
        void w.terminate();
        const code = 128 + signo;
        void supervisorFailure(`${signal}: the program did not stop; ended`, { code, ms: performance.now() - startedAt, script: opts }).then(() => resolve(code));
      };
      if (Atomics.load(cell, 0) !== 0) return stop();
      Atomics.store(cell, 0, signo);
      Atomics.notify(cell, 0);
      setTimeout(stop, SIGNAL_GRACE_MS).unref();
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
    w.on("exit", (code) => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      if (!stopped) resolve(failed ? 1 : code);
    });
  });
}

/** A failure the worker could not report: "assay: message" on stderr (an error event in the
 *  json log format, and the end event when the run was ended here), and the termination log.
 *  (run.ts is loaded only now: the supervising thread does not need the runtime otherwise.) */
async function supervisorFailure(message: string, ended: { code: number; ms: number; script: RunOptions } | null): Promise<void> {
  const run = await import("../runtime-lib/run.js");
  if (!run.runEventsOn()) writeSync(2, `assay: ${message}\n`);
  else {
    run.runEvent("error", message, { event: "error" });
    if (ended) {
      const ms = Math.round(ended.ms * 1000) / 1000;
      run.runEvent("error", "run finished", { event: "end", script: run.scriptLabel(ended.script), duration_ms: ms, exit_code: ended.code });
    }
  }
  run.writeTerminationLog(message);
}
