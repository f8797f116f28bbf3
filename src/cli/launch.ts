// Starts a Lua run in a worker thread and resolves with its exit code.
import { RunOptions } from "../runtime-lib/run.js";
import fs from "node:fs";

export interface Limits {
  /** JS stack for the Lua thread (deep recursion) */
  stackMb: number;
  /** heap cap */
  memoryMb: number;
}

export const DEFAULT_LIMITS: Limits = { stackMb: 192, memoryMb: 4096 };

/** Runs the script on this thread when the launcher gave it a deep stack (bin/assay sets
 *  ASSAY_MAIN_STACK_KB after raising the stack limit), else in a worker with its own stack.
 *  As process 1 (a container's entrypoint), or with ASSAY_WORKER=1, it always uses a worker:
 *  this thread then stays free to take SIGTERM/SIGINT and pass them to the program. */
export async function launch(opts: RunOptions, limits: Limits = DEFAULT_LIMITS): Promise<number> {
  const worker = process.pid === 1 || process.env.ASSAY_WORKER === "1";
  if (!worker && Number(process.env.ASSAY_MAIN_STACK_KB) >= 65536) {
    const { runScript } = await import("../runtime-lib/run.js");
    return runScript(opts);
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

async function launchWorker(opts: RunOptions, limits: Limits): Promise<number> {
  const { Worker } = await import("node:worker_threads");
  const signalCell = new SharedArrayBuffer(4);
  const cell = new Int32Array(signalCell);
  return new Promise((resolve) => {
    // bundled (dist/bundle/*.mjs) or compiled file by file (dist/cli/*.js)
    const file = import.meta.url.endsWith(".mjs") ? "./worker.mjs" : "./worker.js";
    const code = embeddedWorker.code;
    const w = new Worker(code ?? new URL(file, import.meta.url), {
      eval: code !== undefined,
      workerData: { ...embeddedWorker.data, ...opts, signalCell },
      resourceLimits: { stackSizeMb: limits.stackMb, maxOldGenerationSizeMb: limits.memoryMb },
      stdout: false,
      stderr: false,
    });
    let failed = false;
    w.on("error", (e: Error & { code?: string }) => {
      failed = true;
      const msg = e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "not enough memory" : `internal error: ${e.stack ?? e.message}`;
      fs.writeSync(2, `assay: ${msg}\n`);
    });
    const onSignal = (signal: NodeJS.Signals): void => {
      const signo = signal === "SIGINT" ? 2 : 15;
      const stop = (): void => {
        void w.terminate();
        resolve(128 + signo);
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
      resolve(failed ? 1 : code);
    });
  });
}
