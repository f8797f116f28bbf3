// Timer operations for the I/O worker: `sleep` (args [ms]) resolves after ms milliseconds,
// or rejects with an AbortError when cancelled. The scheduler's timers are built on it.
import { setTimeout as delay } from "node:timers/promises";
import type { OpContext, OpHandler } from "../io-worker.js";

/** Node's timers fire at once (with a warning) beyond this many milliseconds. */
const MAX_DELAY = 2 ** 31 - 1;

export const ops: Record<string, OpHandler> = {
  async sleep(args: unknown[], ctx: OpContext): Promise<void> {
    const ms = Number(args[0]);
    const end = performance.now() + (ms > 0 ? ms : 0);
    do {
      await delay(Math.min(Math.max(end - performance.now(), 0), MAX_DELAY), undefined, { signal: ctx.signal });
    } while (performance.now() < end);
  },
};
