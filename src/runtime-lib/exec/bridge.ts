// The I/O bridge: lets synchronous Lua code wait for asynchronous I/O. Operations (named
// handlers in the I/O worker thread, see io-worker.ts and ops/) are submitted with ioSubmit;
// ioWait blocks the main thread with Atomics.wait until the worker reports events, which it
// reads with receiveMessageOnPort. The main thread's event loop is never needed.
//
// Every submitted op gets zero or more "event" events, then exactly one final "done" or
// "error" event — after ioCancel, that final event is an "error" with message "cancelled"
// (unless ioWait already returned the op's final event).
//
// Commands queue in an outbox and go to the worker as one message when the main thread is
// about to block (ioFlush, called by every wait); the worker likewise sends the events of
// one turn of its event loop as one message. A burst of requests and answers thus costs a
// few thread wake-ups, not two per request.
//
// Values cross threads by structured clone: Lua strings (JS strings whose char codes are
// bytes 0–255) cross unchanged; so do numbers, bigints, booleans, arrays and plain objects.
// Functions and class instances (LuaTable, Userdata) do not: convert them first.
//
// Importing this module costs nothing: the worker starts on the first ioSubmit/ioLoadOps.
// It is unref'ed, so it never keeps the process alive. In the build it is dist/bundle/exec.mjs
// and the worker dist/bundle/io-worker.mjs next to it; a file built by `assay build` has no
// file next to it and supplies the worker's code instead (embeddedIoWorker).
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as WorkerThreads from "node:worker_threads";
import type { Command, IoWorkerData, WorkerMessage } from "./io-worker.js";

export interface IoEvent {
  id: number;
  kind: "done" | "error" | "event";
  value?: unknown;
  message?: string;
}

/** A running worker and its end of the event channel. */
interface Live {
  /** which worker of the run it is (1, 2, ...: a restarted worker has a new one) */
  id: number;
  worker: WorkerThreads.Worker;
  port: WorkerThreads.MessagePort;
  /** [0] counts the worker's messages; [1] is set as it stops (io-worker.ts) */
  counter: Int32Array;
}

const req = createRequire(import.meta.url);
let wt: typeof WorkerThreads | undefined;
let current: Live | undefined;
let workers = 0;
let nextId = 1;
/** ops submitted whose final event has not reached `ready` */
const pending = new Set<number>();
/** commands not yet sent to the worker (see ioFlush) */
let outbox: Command[] = [];
/** events received and not yet returned by ioWait */
let ready: IoEvent[] = [];
/** op modules loaded with ioLoadOps (file URLs), loaded again by a restarted worker */
const modules: string[] = [];

/** Set by a file built with `assay build`: the I/O worker's code (CommonJS), started with
 *  `eval: true` instead of the io-worker file next to this one. */
export const embeddedIoWorker: { code?: string } = {};

function start(): Live {
  wt ??= req("node:worker_threads") as typeof WorkerThreads;
  const { port1, port2 } = new wt.MessageChannel();
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const code = embeddedIoWorker.code;
  // bundled (dist/bundle/*.mjs) or compiled file by file (dist/runtime-lib/exec/*.js)
  const file = new URL(import.meta.url.endsWith(".mjs") ? "./io-worker.mjs" : "./io-worker.js", import.meta.url);
  // a worker that cannot load would never answer, and ioWait would wait forever
  if (code === undefined && !fs.existsSync(fileURLToPath(file))) throw new Error(`the I/O worker is missing: ${fileURLToPath(file)}`);
  const data: IoWorkerData = { events: port2, counter, modules: [...modules] };
  const worker = new wt.Worker(code ?? file, {
    eval: code !== undefined,
    workerData: data,
    transferList: [port2],
    env: wt.SHARE_ENV,
    // the worker has nothing to say (and silences its stdout and stderr): these streams are
    // never read, as reading them would keep the process alive
    stdout: true,
    stderr: true,
  });
  worker.unref();
  port1.unref();
  const live: Live = { id: ++workers, worker, port: port1, counter };
  // seen only when the main thread's event loop runs; a worker that can still run JS
  // reports its death on the event port instead (io-worker.ts)
  worker.on("error", (e) => retire(live, `${e.name}: ${e.message}`));
  worker.on("exit", (code) => retire(live, `exited with code ${code}`));
  return live;
}

/** Moves the worker's messages (batches of them) into `ready`; returns the reason if the
 *  worker said it stopped. */
function drain(w: Live): string | undefined {
  for (let m; (m = wt!.receiveMessageOnPort(w.port)); ) {
    for (const msg of m.message as WorkerMessage[]) {
      if (msg.kind === "stopped") return msg.message;
      if (!pending.has(msg.id)) continue; // cancelled
      if (msg.kind !== "event") pending.delete(msg.id);
      ready.push(msg);
    }
  }
  return undefined;
}

/** Forgets a dead worker: every op still pending fails. */
function retire(w: Live, reason: string): void {
  if (current !== w) return;
  current = undefined;
  reason = drain(w) ?? reason;
  for (const id of pending) ready.push({ id, kind: "error", message: `I/O worker stopped: ${reason}` });
  pending.clear();
  outbox = [];
  w.port.close();
  w.worker.terminate().catch(() => {});
}

/** Sends the commands queued since the last flush, as one message. */
export function ioFlush(): void {
  if (outbox.length === 0 || !current) return;
  const batch = outbox;
  outbox = [];
  try {
    current.worker.postMessage(batch);
  } catch {
    // (only a posted op can hold what cannot be cloned — submits are checked — and a posted
    // op is never heard of again: the others go out one by one, that one is dropped)
    for (const c of batch) {
      try {
        current.worker.postMessage([c]);
      } catch {
        // dropped
      }
    }
  }
}

/** Throws what postMessage would throw for `v`: functions and symbols cannot be cloned.
 *  (Walking the value is much cheaper than cloning it, big strings included.) */
function checkCloneable(v: unknown, depth = 0): void {
  const t = typeof v;
  if (t === "function" || t === "symbol") throw new Error(`${String(v)} could not be cloned`);
  if (t !== "object" || v === null || depth > 64) return;
  if (Array.isArray(v)) for (const x of v) checkCloneable(x, depth + 1);
  else if (Object.getPrototypeOf(v) === Object.prototype) for (const k in v) checkCloneable((v as Record<string, unknown>)[k], depth + 1);
}

/** Blocks until `enough()`, the deadline (performance.now() time) or nothing more can come. */
function waitUntil(enough: () => boolean, deadline: number): void {
  for (;;) {
    ioFlush();
    const w = current;
    if (!w) return; // no worker, nothing pending
    // read the counter before draining: a message posted after the drain changes it, and
    // Atomics.wait returns at once when the value is no longer `seen`
    const seen = Atomics.load(w.counter, 0);
    const stopped = drain(w);
    if (stopped !== undefined) retire(w, stopped);
    if (enough() || pending.size === 0) return;
    const left = deadline - performance.now();
    if (left <= 0) return;
    Atomics.wait(w.counter, 0, seen, left); // may wake spuriously: the loop checks again
  }
}

function send(c: Command): void {
  if (current && c.t !== "post") {
    // notice a worker that already died, so that the command goes to a new one (not for a
    // post, which has nothing to wait for: an answer to a request from a worker that died
    // has no one to go to, and a post costs no look at the event port)
    const stopped = drain(current);
    if (stopped !== undefined) retire(current, stopped);
  }
  current ??= start();
  outbox.push(c);
  if (c.t !== "post") pending.add(c.id);
}

/** Starts the I/O worker now, if it is not running, for a program that will soon want it:
 *  its start-up (50-80 ms) then runs on another core while the program gets to its first
 *  operation. */
export function ioPrestart(): void {
  try {
    current ??= start();
  } catch {
    // (a worker that cannot start is reported by the first operation that needs it)
  }
}

/** Starts op `op` in the I/O worker (starting the worker lazily on first use); returns its id.
 *  Throws if the arguments cannot be cloned. */
export function ioSubmit(op: string, args: unknown[]): number {
  checkCloneable(args);
  const id = nextId++;
  send({ t: "submit", id, op, args });
  return id;
}

/** Blocks the calling (main) thread until at least one event is available or timeoutMs passes
 *  (Infinity allowed); returns every event available now (possibly empty on timeout). Returns
 *  at once, empty, when no op is pending: nothing could arrive. */
export function ioWait(timeoutMs: number): IoEvent[] {
  const deadline = performance.now() + (timeoutMs > 0 ? timeoutMs : 0);
  waitUntil(() => ready.length > 0, deadline);
  const out = ready;
  ready = [];
  return out;
}

/** Asks the worker to cancel op `id` (its handler's AbortSignal fires). The op's final event,
 *  an "error" with message "cancelled", is queued at once for the next ioWait; events the
 *  worker still sends for it are dropped. Does nothing if the op is not pending. */
export function ioCancel(id: number): void {
  if (!pending.delete(id)) return;
  ready.push({ id, kind: "error", message: "cancelled" });
  if (current) {
    outbox.push({ t: "cancel", id });
    // (wakes an ioEventsAsync waiting on the counter: the cancelled event is ready)
    Atomics.add(current.counter, 0, 1);
    Atomics.notify(current.counter, 0);
  }
}

/** Atomics.waitAsync (Node ≥ 16; ES2024 in TypeScript's libraries). */
const waitAsync = (Atomics as unknown as {
  waitAsync(a: Int32Array, i: number, v: number, ms: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

/** How long ioEventsAsync sleeps at most before looking again: a worker that died is seen
 *  by the event loop ('exit'), which does not touch the counter. */
const ASYNC_RECHECK_MS = 1000;

/** ioWait for code that keeps its thread's event loop free (check mode runs child processes
 *  and timers beside its requests): resolves with every event available, sleeping with
 *  Atomics.waitAsync on the worker's counter until one comes, or at once when nothing can. */
export async function ioEventsAsync(): Promise<IoEvent[]> {
  for (;;) {
    ioFlush();
    const w = current;
    if (!w) break;
    const seen = Atomics.load(w.counter, 0);
    const stopped = drain(w);
    if (stopped !== undefined) retire(w, stopped);
    if (ready.length > 0 || pending.size === 0) break;
    const r = waitAsync(w.counter, 0, seen, ASYNC_RECHECK_MS);
    if (!r.async) continue;
    // (a pending waitAsync does not keep Node's event loop alive: this timer does)
    const alive = setTimeout(() => {}, ASYNC_RECHECK_MS);
    await r.value;
    clearTimeout(alive);
  }
  const out = ready;
  ready = [];
  return out;
}

/** Runs op `op` in the I/O worker without waiting for it or hearing of it again (answers to
 *  requests, say). It goes out with the next flush: before the main thread next blocks. */
export function ioPost(op: string, args: unknown[]): void {
  send({ t: "post", op, args });
}

/** Makes the worker import an extra module of op handlers (absolute path or file URL) that
 *  exports `ops: Record<string, handler>`. Blocks until it is loaded; throws if it fails.
 *  A restarted worker loads it again. */
export function ioLoadOps(specifier: string): void {
  const url = path.isAbsolute(specifier) ? pathToFileURL(specifier).href : specifier;
  const id = nextId++;
  send({ t: "load", id, specifier: url });
  let res: IoEvent | undefined;
  const found = (): boolean => {
    const i = ready.findIndex((e) => e.id === id);
    if (i >= 0) res = ready.splice(i, 1)[0];
    return res !== undefined;
  };
  waitUntil(found, Infinity);
  if (res?.kind !== "done") throw new Error(`cannot load I/O operations from '${specifier}': ${res?.message}`);
  if (!modules.includes(url)) modules.push(url);
}

/** Stops the worker (at exit); safe to call when it never started. Pending ops are dropped. */
export function ioShutdown(): void {
  const w = current;
  current = undefined;
  pending.clear();
  ready = [];
  outbox = [];
  if (!w) return;
  w.port.close();
  w.worker.terminate().catch(() => {});
}

/** The running worker (a number no other worker of the run has), or 0 when none runs. */
export function ioWorkerId(): number {
  return current?.id ?? 0;
}

/** Whether worker `id` (ioWorkerId) still runs and has not begun to stop: what it owns (a
 *  socket it lent, say) is still open. One shared-memory read, without draining its events. */
export function ioWorkerAlive(id: number): boolean {
  return current !== undefined && current.id === id && Atomics.load(current.counter, 1) === 0;
}

/** Number of ops submitted and not finished. */
export function ioPending(): number {
  return pending.size;
}
