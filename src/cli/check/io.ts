// The I/O worker's operations (exec/bridge.ts) from asynchronous code. Lua waits for an op
// by blocking in ioWait; the check runner keeps the main thread's event loop free instead
// (child processes, timers and several checks at once need it), so it waits for the
// worker's events with ioEventsAsync. A request thus goes through the same undici client as
// Lua's http.
import { ioCancel, ioEventsAsync, ioFlush, ioSubmit } from "../../runtime-lib/exec/bridge.js";

interface Waiter {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

const waiters = new Map<number, Waiter>();
let pumping = false;

/** Delivers the worker's events to their waiters while any is left. */
async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    while (waiters.size > 0) {
      for (const e of await ioEventsAsync()) {
        if (e.kind === "event") continue;
        const w = waiters.get(e.id);
        if (w === undefined) continue;
        waiters.delete(e.id);
        if (e.kind === "done") w.resolve(e.value);
        else w.reject(new Error(e.message ?? "I/O operation failed"));
      }
    }
  } finally {
    pumping = false;
  }
}

/** Runs I/O op `op` and resolves with its result (rejects with its error message). Aborting
 *  `signal` cancels the op: the promise rejects with "cancelled". */
export function ioRequest(op: string, args: unknown[], signal?: AbortSignal): Promise<unknown> {
  if (signal?.aborted) return Promise.reject(new Error("cancelled"));
  const id = ioSubmit(op, args);
  ioFlush();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      // the op's final event ("cancelled") is ready at once, and wakes the pump
      ioCancel(id);
      ioFlush();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = (): void => signal?.removeEventListener("abort", onAbort);
    waiters.set(id, {
      resolve: (v) => (done(), resolve(v)),
      reject: (e) => (done(), reject(e)),
    });
    void pump();
  });
}

/** Starts the I/O worker and waits until it answers, so that its start-up (loading the
 *  HTTP client) is not counted against the first request's time and timeout. */
export async function ioWarmUp(): Promise<void> {
  await ioRequest("echo", []);
}
