// `echo` returns its arguments after a macrotask: the cheapest real round trip through the
// I/O worker (tests, latency measurements, and the scheduler's "yield to I/O").
import type { OpHandler } from "../io-worker.js";

export const ops: Record<string, OpHandler> = {
  async echo(args: unknown[]): Promise<unknown[]> {
    await new Promise((resolve) => setImmediate(resolve));
    return args;
  },
};
