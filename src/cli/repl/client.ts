// The terminal side's handle on the REPL's Lua state: the worker thread running
// repl/session.ts, one request at a time, and the cell through which Ctrl-C reaches it.
import type { Worker } from "node:worker_threads";
import type { RunOptions } from "../../runtime-lib/run.js";
import { startLuaWorker } from "../launch.js";
import type { Reply, Request, SessionData } from "./protocol.js";

const SIGINT = 2;

type Pending = { resolve: (r: Reply) => void; reject: (e: Error) => void };

export class SessionClient {
  private pending: Pending | null = null;
  private interrupts = 0;
  private constructor(
    private readonly w: Worker,
    private readonly cell: Int32Array,
  ) {
    w.on("message", (r: Reply) => this.settle((p) => p.resolve(r)));
    w.on("error", (e: Error & { code?: string }) => {
      const why = e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "not enough memory" : `internal error: ${e.stack ?? e.message}`;
      this.settle((p) => p.reject(new Error(why)));
    });
    w.on("exit", () => this.settle((p) => p.reject(new Error("the Lua state's thread ended"))));
  }

  /** A new state: `base` gives `arg`, the memory limit and verbosity. */
  static async start(base: RunOptions): Promise<SessionClient> {
    const signalCell = new SharedArrayBuffer(4);
    const data: SessionData = { replSession: true, base, signalCell };
    const w = await startLuaWorker(data);
    return new SessionClient(w, new Int32Array(signalCell));
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  /** Sends a request; rejects when the state is lost (out of memory, abandoned). */
  request(req: Request): Promise<Reply> {
    this.interrupts = 0;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.w.postMessage(req);
    });
  }

  /** Ctrl-C during an evaluation: the first interrupts its wait (as a signal does in worker
   *  mode: exec/signals.ts), a second abandons the state. */
  interrupt(): void {
    if (++this.interrupts > 1) {
      this.settle((p) => p.reject(new Error("evaluation abandoned (Ctrl-C twice)")));
      void this.w.terminate();
      return;
    }
    Atomics.store(this.cell, 0, SIGINT);
    Atomics.notify(this.cell, 0);
  }

  close(): void {
    this.pending = null;
    void this.w.terminate();
  }

  private settle(f: (p: Pending) => void): void {
    const p = this.pending;
    this.pending = null;
    if (p) f(p);
  }
}
