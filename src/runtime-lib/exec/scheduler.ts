// The scheduler. Lua runs on one thread; builtins that wait (sleep, I/O, awaiting a task)
// describe what they wait for as a Wait. Called from a scheduler task (a coroutine it
// drives: async.spawn, interval callbacks, server handlers) the wait parks only that task;
// called from anywhere else (plain code, a user coroutine) it blocks: the scheduler runs the
// other tasks, timers and I/O events until that wait is over (`serve`). Tasks therefore make
// progress only while some code waits, as in the original.
import { Suspension } from "../core/coro.js";
import { LuaError } from "../core/errors.js";
import { EMPTY } from "../core/multi.js";
import { Coroutine, resumeCo, failure, TaskInput } from "../lib/coroutine.js";
import { ioFlush, ioPending, ioSubmit, ioWait, IoEvent } from "./bridge.js";
import { TimerHeap } from "./timer-heap.js";
import { checkSignal, signalState } from "./signals.js";
import { flushStdout } from "../io-out.js";

// ---- waits ----

/** Something to wait for. Subclasses start the underlying work in `begin` and end it with
 *  `resolve`/`reject` (possibly synchronously). */
export abstract class Wait extends Suspension {
  private state: "new" | "pending" | "done" | "failed" = "new";
  private outcome: unknown = undefined;
  /** the task parked on this wait, woken when it ends */
  private parked: Task | null = null;

  protected abstract begin(): void;

  /** Called when the wait is abandoned (its task cancelled): stop the work if possible. */
  protected abandon(): void {}

  get settled(): boolean {
    return this.state === "done" || this.state === "failed";
  }

  start(): void {
    if (this.state !== "new") return;
    this.state = "pending";
    this.begin();
  }

  resolve(v: unknown): void {
    this.settle("done", v);
  }

  /** Ends the wait with an error (a LuaError, or a Lua error value). */
  reject(e: unknown): void {
    this.settle("failed", e);
  }

  private settle(state: "done" | "failed", v: unknown): void {
    if (this.state !== "pending" && this.state !== "new") return;
    this.state = state;
    this.outcome = v;
    const t = this.parked;
    if (t !== null) {
      this.parked = null;
      wake(t, { failed: state === "failed", value: v });
    }
  }

  /** Parks `task` on this wait. */
  park(task: Task): void {
    if (this.settled) wake(task, { failed: this.state === "failed", value: this.outcome });
    else {
      this.parked = task;
      this.start();
    }
  }

  cancel(): void {
    this.parked = null;
    if (this.state === "pending") this.abandon();
  }

  /** Blocks until the wait is over, running everything else meanwhile. */
  serve(): unknown {
    this.start();
    runUntil(() => this.settled);
    if (this.state === "failed") throw this.outcome instanceof LuaError ? this.outcome : new LuaError(this.outcome);
    return this.outcome;
  }
}

/** A wait of `ms` milliseconds. */
export class Sleep extends Wait {
  private timer: number | null = null;
  constructor(private readonly ms: number) {
    super();
  }
  protected begin(): void {
    this.timer = timers.add(Date.now() + this.ms, () => this.resolve(undefined));
  }
  protected override abandon(): void {
    if (this.timer !== null) timers.remove(this.timer);
  }
}

/** How an I/O operation's failure reaches the builtin that waited: `message` is the cause
 *  the worker gave ("connection refused (127.0.0.1:1)"), which the builtin words as its own
 *  error. Uncaught, it is a Lua error with that message. */
export class IoFailure extends LuaError {
  constructor(readonly message: string) {
    super(message);
  }
}

/** A wait for an operation run by the I/O worker (exec/bridge.ts). `onEvent` receives the
 *  values the operation emits before it ends. */
export class IoWait extends Wait {
  id = 0;
  constructor(
    private readonly op: string,
    private readonly args: unknown[],
    private readonly onEvent?: (v: unknown) => void,
  ) {
    super();
  }
  protected begin(): void {
    this.id = ioSubmit(this.op, this.args);
    ioWaits.set(this.id, this);
  }
  event(e: IoEvent): void {
    if (e.kind === "event") this.onEvent?.(e.value);
    else {
      ioWaits.delete(this.id);
      if (e.kind === "done") this.resolve(e.value);
      else this.reject(new IoFailure(e.message ?? "I/O operation failed"));
    }
  }
}

// ---- tasks ----

export class Task {
  readonly co: Coroutine;
  done = false;
  failed = false;
  /** fn's results, or its error (a LuaError) */
  results: unknown[] = [];
  error: LuaError | null = null;
  private joins: Join[] = [];
  /** the wait it is parked on */
  waiting: Wait | null = null;
  constructor(
    fn: unknown,
    /** what fn is called with when the task first runs */
    readonly args: unknown[],
  ) {
    this.co = new Coroutine(fn);
  }

  /** A wait for the task to end: its results, or its error. */
  join(): Wait {
    return new Join(this);
  }

  onEnd(j: Join): void {
    if (this.done) j.settleFrom(this);
    else this.joins.push(j);
  }

  finish(results: unknown[] | null): void {
    this.done = true;
    if (results === null) {
      this.failed = true;
      this.error = this.co.error ?? new LuaError(failure.value);
    } else this.results = results;
    const joins = this.joins;
    this.joins = [];
    for (const j of joins) j.settleFrom(this);
  }
}

class Join extends Wait {
  constructor(private readonly task: Task) {
    super();
  }
  protected begin(): void {
    this.task.onEnd(this);
  }
  settleFrom(t: Task): void {
    if (t.failed) this.reject(t.error);
    else this.resolve(t.results);
  }
}

// ---- the loop ----

interface Ready {
  task: Task;
  input: TaskInput;
}

const ready: Ready[] = [];
let readyHead = 0;
const timers = new TimerHeap();
const ioWaits = new Map<number, IoWait>();
let live = 0;

function wake(task: Task, input: TaskInput): void {
  task.waiting = null;
  ready.push({ task, input });
}

/** Starts fn(...args) as a task; it runs the next time something waits. */
export function spawn(fn: unknown, args: unknown[] = []): Task {
  const t = new Task(fn, args);
  live++;
  ready.push({ task: t, input: { failed: false, value: undefined } });
  return t;
}

/** Tasks started and not finished. */
export function pendingTasks(): number {
  return live;
}

/** Nothing but the running code could run: no task, no timer, no I/O operation under way.
 *  A builtin may then wait without the scheduler (a query on a socket of its own) —
 *  nobody is kept waiting while it does. */
export function idle(): boolean {
  return live === 0 && readyHead === ready.length && ioPending() === 0 && timers.delay(0) === Infinity;
}

function step(r: Ready): void {
  const t = r.task;
  // (the arguments count only at the first resume, which starts fn)
  const out = resumeCo(t.co, t.args, r.input);
  // (every Suspension is a Wait)
  if (out instanceof Suspension) {
    if (!(out instanceof Wait)) throw new Error("a suspension that is not a wait");
    t.waiting = out;
    out.park(t);
  } else if (t.co.status === "suspended") {
    // a plain coroutine.yield in a task: let the others run, then resume it with nothing
    wake(t, { failed: false, value: EMPTY });
  } else {
    live--;
    t.finish(out);
  }
}

/** Runs tasks, timers and I/O until `cond()` holds. */
export function runUntil(cond: () => boolean): void {
  for (;;) {
    checkSignal();
    if (cond()) return;
    if (readyHead < ready.length) {
      const r = ready[readyHead++];
      // (entries run are let go of at once: a queue that kept them would keep every task of
      // a burst alive — its coroutine, its request — long enough for the GC to promote it)
      if (readyHead === ready.length) {
        ready.length = 0;
        readyHead = 0;
      } else if (readyHead > 1024 && readyHead * 2 > ready.length) {
        ready.splice(0, readyHead);
        readyHead = 0;
      }
      step(r);
      continue;
    }
    const now = Date.now();
    if (timers.fireDue(now)) continue;
    const delay = timers.delay(now);
    // about to block: what the program wrote so far goes out first, and so do the commands
    // for the I/O worker
    if (delay > 0) flushStdout();
    ioFlush();
    if (ioPending() > 0) {
      // (in slices when a signal may arrive: the I/O wait cannot see the signal cell)
      const slice = signalState.cell !== null ? Math.min(delay, SIGNAL_POLL_MS) : delay;
      for (const e of ioWait(slice)) ioWaits.get(e.id)?.event(e);
      continue;
    }
    if (delay === Infinity) throw new LuaError("deadlock: waiting for something no task or timer can ever provide");
    sleepSync(delay);
  }
}

const SIGNAL_POLL_MS = 100;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Sleeps; a signal (worker mode) wakes it at once. */
function sleepSync(ms: number): void {
  const cell = signalState.cell;
  if (cell !== null) Atomics.wait(cell, 0, 0, ms === Infinity ? undefined : Math.max(0, ms));
  else Atomics.wait(sleeper, 0, 0, Math.max(0, ms));
}
