// The I/O worker's operations (exec/bridge.ts) from asynchronous code. Lua waits for an op
// by blocking in ioWait; the check runner keeps the main thread's event loop free instead
// (child processes, timers and several checks at once need it), so it polls the bridge
// without blocking while ops are pending: every millisecond, slowing to POLL_MAX_MS while
// nothing arrives. A request thus goes through the same undici client as Lua's http.
import { ioCancel, ioFlush, ioSubmit, ioWait } from "../../runtime-lib/exec/bridge.js";

const POLL_MAX_MS = 8;

interface Waiter {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

const waiters = new Map<number, Waiter>();
let timer: NodeJS.Timeout | null = null;
let idlePolls = 0;

function pump(): void {
  timer = null;
  const events = ioWait(0);
  idlePolls = events.length > 0 ? 0 : idlePolls + 1;
  for (const e of events) {
    if (e.kind === "event") continue;
    const w = waiters.get(e.id);
    if (w === undefined) continue;
    waiters.delete(e.id);
    if (e.kind === "done") w.resolve(e.value);
    else w.reject(new Error(e.message ?? "I/O operation failed"));
  }
  schedule();
}

function schedule(): void {
  if (timer !== null || waiters.size === 0) return;
  timer = setTimeout(pump, Math.min(POLL_MAX_MS, 1 + idlePolls));
}

/** Runs I/O op `op` and resolves with its result (rejects with its error message). Aborting
 *  `signal` cancels the op: the promise rejects with "cancelled". */
export function ioRequest(op: string, args: unknown[], signal?: AbortSignal): Promise<unknown> {
  if (signal?.aborted) return Promise.reject(new Error("cancelled"));
  const id = ioSubmit(op, args);
  ioFlush();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      // the op's final event ("cancelled") comes with the next poll
      ioCancel(id);
      ioFlush();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = (): void => signal?.removeEventListener("abort", onAbort);
    waiters.set(id, {
      resolve: (v) => (done(), resolve(v)),
      reject: (e) => (done(), reject(e)),
    });
    idlePolls = 0;
    // a new op: poll at the fastest rate again
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    schedule();
  });
}

/** Starts the I/O worker and waits until it answers, so that its start-up (loading the
 *  HTTP client) is not counted against the first request's time and timeout. */
export async function ioWarmUp(): Promise<void> {
  await ioRequest("echo", []);
}
