// What the Lua worker thread does (launch.ts starts it): run a script, or with `replSession`
// set keep one Lua state and serve the terminal side's inputs (repl/session.ts). worker.ts
// calls it when the thread starts from dist/bundle/worker.mjs; start.ts's worker code when
// the runtime was loaded as CommonJS with V8's code cache.
import { runScriptAsTask, RunOptions } from "../runtime-lib/run.js";
import type { SessionData } from "./repl/protocol.js";

export async function runWorker(data: RunOptions | SessionData): Promise<void> {
  if ("replSession" in data) (await import("./repl/session.js")).serveRepl(data);
  else process.exitCode = await runScriptAsTask(data);
}
