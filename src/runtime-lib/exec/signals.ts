// SIGTERM and SIGINT as the Lua program sees them. A thread blocked running Lua cannot take
// a signal handler, so signals reach Lua only when the program runs in a worker (as it does
// when assay is process 1 in a container, or with ASSAY_WORKER=1): the supervising main
// thread records the signal in a shared cell and wakes any wait; the next wait (or the one
// in progress) raises the Lua error "interrupted (SIGTERM)". Unwinding runs pending
// `<close>` handlers; a pcall may catch it to clean up. Uncaught, the run exits with
// 128 + the signal number. See docs/architecture.md.
import { LuaError } from "../core/errors.js";

const SIGNALS: Record<number, string> = { 2: "SIGINT", 15: "SIGTERM" };

export const signalState = {
  /** [0]: the number of the signal received (0 while none); null outside worker mode */
  cell: null as Int32Array | null,
};

/** The error raised in the Lua program by a signal. */
export class Interrupted extends LuaError {
  constructor(readonly signo: number) {
    super(`interrupted (${SIGNALS[signo] ?? "signal " + signo})`);
  }
}

/** Raises Interrupted if a signal has arrived. */
export function checkSignal(): void {
  const c = signalState.cell;
  if (c !== null && c[0] !== 0) throw new Interrupted(c[0]);
}
