// Starts a Lua run in a worker thread and resolves with its exit code.
import { Worker } from "node:worker_threads";
import { RunOptions } from "../runtime-lib/run.js";
import fs from "node:fs";

export interface Limits {
  /** JS stack for the Lua thread (deep recursion) */
  stackMb: number;
  /** heap cap */
  memoryMb: number;
}

export const DEFAULT_LIMITS: Limits = { stackMb: 512, memoryMb: 4096 };

export function launch(opts: RunOptions, limits: Limits = DEFAULT_LIMITS): Promise<number> {
  return new Promise((resolve) => {
    const w = new Worker(new URL("./worker.js", import.meta.url), {
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
