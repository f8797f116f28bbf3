// The Lua program runs in this worker thread: its stack is sized for deep Lua recursion and
// its heap is capped (resourceLimits), and it writes to the process's stdout/stderr directly.
import { workerData } from "node:worker_threads";
import { runWorker } from "./worker-run.js";

await runWorker(workerData);
