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
 *  ASSAY_MAIN_STACK_KB after raising the stack limit), else in a worker with its own stack. */
export async function launch(opts: RunOptions, limits: Limits = DEFAULT_LIMITS): Promise<number> {
  if (Number(process.env.ASSAY_MAIN_STACK_KB) >= 65536) {
    const { runScript } = await import("../runtime-lib/run.js");
    return runScript(opts);
  }
  return launchWorker(opts, limits);
}

async function launchWorker(opts: RunOptions, limits: Limits): Promise<number> {
  const { Worker } = await import("node:worker_threads");
  return new Promise((resolve) => {
    // bundled (dist/bundle/*.mjs) or compiled file by file (dist/cli/*.js)
    const file = import.meta.url.endsWith(".mjs") ? "./worker.mjs" : "./worker.js";
    const w = new Worker(new URL(file, import.meta.url), {
      workerData: opts,
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
    w.on("exit", (code) => resolve(failed ? 1 : code));
  });
}
