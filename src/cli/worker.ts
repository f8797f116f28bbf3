// The Lua program runs in this worker thread: its stack is sized for deep Lua recursion and
// its heap is capped (resourceLimits), and it writes to the process's stdout/stderr directly.
// The REPL (repl.ts) starts the same worker with `replSession` set: it then keeps one Lua
// state and serves the terminal side's inputs (repl/session.ts).
import { workerData } from "node:worker_threads";
import { runScript, RunOptions } from "../runtime-lib/run.js";
import type { SessionData } from "./repl/protocol.js";

const data = workerData as RunOptions | SessionData;
if ("replSession" in data) (await import("./repl/session.js")).serveRepl(data);
else process.exitCode = runScript(data);
