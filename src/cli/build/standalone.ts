// The program of a file built by `assay build` (its cli bundle; see boot.ts for how the file
// starts): registers the embedded modules where require looks first (embeddedModules, the
// preload searcher), gives the I/O bridge and the launcher the worker code they cannot find as
// files, and runs the script as `assay run` does — `arg`, exit codes, error reports. It runs
// on the main thread with Node's default stack, which keeps start-up close to bare Node's;
// as process 1, with ASSAY_WORKER=1 or when built with --deep-stack it runs in a worker
// thread with assay's deep stack, which a second boot of the runtime prepares there.
import { embeddedModules } from "../../runtime-lib/lib/package.js";
import { embeddedIoWorker } from "../../runtime-lib/exec/bridge.js";
import { writeStderr } from "../../runtime-lib/io-out.js";
import { lazyNode } from "../../runtime-lib/node-lazy.js";
import { runScript, runScriptAsTask, RunOptions } from "../../runtime-lib/run.js";
import { launch, embeddedWorker } from "../launch.js";
import type { CodeCache } from "./boot.js";

/** Everything a built file embeds. */
export interface Payload {
  /** the assay version that built it */
  version: string;
  /** the script: its name as given to `assay build` (chunk name and arg[0]) and its source */
  script: { file: string; source: string };
  /** the modules found: [module name, file name as require finds it at run time, source] */
  modules: Array<[string, string, string]>;
  /** always run in a worker thread with a deep stack */
  deepStack: boolean;
  /** the runtime bundles (core, compiler, exec, libs, cli), as code */
  code: Record<string, string>;
  /** bundles loaded only when used (io-worker: the I/O worker; vendor/<package>: a
   *  third-party library), brotli-compressed, base64 */
  packed: Record<string, string>;
  /** V8's code cache for the bundles (boot.ts), or null */
  cache: CodeCache | null;
}

/** Makes this thread's runtime use what the file embeds. */
export function setup(p: Payload): void {
  for (const [name, file, source] of p.modules) embeddedModules.set(name, { source, file });
  const packed = p.packed["io-worker"];
  let code: string | undefined;
  Object.defineProperty(embeddedIoWorker, "code", { configurable: true, enumerable: true, get: () => (code ??= unpack(packed)) });
}

/** The code of a packed bundle (emit.ts). */
function unpack(packed: string): string {
  return lazyNode.zlib().brotliDecompressSync(Buffer.from(packed, "base64")).toString("utf8");
}

/** The memory limit in bytes from ASSAY_MEMORY_LIMIT (megabytes; 0 = none), as `assay run`
 *  takes it. */
function memoryLimit(): number | undefined | Error {
  const v = process.env.ASSAY_MEMORY_LIMIT;
  if (v === undefined || v === "") return undefined;
  const mb = Number(v);
  if (!Number.isFinite(mb) || mb < 0) return new Error(`invalid memory limit '${v}' (megabytes expected)`);
  return Math.round(mb * 1048576);
}

/** Runs the script with the process's arguments; the exit code (a promise when the script
 *  runs in a worker thread). `boot` is the source of boot.ts's function, `self` the file. */
export function main(p: Payload, boot: string, self: string, args: string[]): number | Promise<number> {
  setup(p);
  const limit = memoryLimit();
  if (limit instanceof Error) {
    writeStderr(`assay: ${limit.message}\n`);
    return 2;
  }
  const opts: RunOptions = { source: p.script.source, chunkname: "@" + p.script.file, scriptName: p.script.file, args, memoryLimit: limit };
  if (!p.deepStack && process.pid !== 1 && process.env.ASSAY_WORKER !== "1") return runScriptAsTask(opts);
  embeddedWorker.code = [
    '"use strict";',
    'const { workerData } = require("node:worker_threads");',
    `const boot = ${boot};`,
    "const p = workerData.$payload;",
    "boot(p.code, p.cache, require, workerData.$self, {}, p.packed).cli.worker(workerData).then((code) => { process.exitCode = code; });",
  ].join("\n");
  embeddedWorker.data = { $payload: p, $self: self };
  return launch(opts);
}

/** The worker thread's part (launch.ts starts it): the run options and the payload. */
export function worker(data: RunOptions & { $payload: Payload }): Promise<number> {
  setup(data.$payload);
  return runScriptAsTask(data);
}

/** Runs a small chunk as main runs the script, so that the functions start-up needs are
 *  compiled when `assay build` makes the code cache. */
export function warm(): number {
  const source = 'local t = {} for i = 1, 3 do t[#t + 1] = ("%d"):format(i) end\nlocal function f(...) return select("#", ...) end\nreturn f(table.concat(t), #t)\n';
  return runScript({ source, chunkname: "=warm-up", scriptName: "", args: [] });
}
