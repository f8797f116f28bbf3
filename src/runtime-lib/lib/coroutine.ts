// The coroutine library. A Lua thread is a Coroutine object driving the generator of its
// body's twin (see core/coro.ts): resume runs the generator until it yields values
// (coroutine.yield) or finishes. Requests to wait for I/O that reach a resume are
// served on the spot, so user coroutines work inside scheduler tasks too.
import { LuaTable } from "../core/table.js";
import { Multi, ret } from "../core/multi.js";
import { LuaError, ExitRequest, captureSites, luaPosAt, afterBuiltin, wherePrefix, toLuaError, protectedCalls } from "../core/errors.js";
import { builtins, threadClass } from "../core/values.js";
import { closeHooks, closeVar } from "../core/close.js";
import { Y, Suspension, startCall, yieldState, cannotYield, withGen, resultList, serveInto } from "../core/coro.js";
import { libError, typeError } from "./aux.js";

type Gen = Generator<unknown, unknown, unknown>;
type Status = "suspended" | "running" | "normal" | "dead";

export class Coroutine {
  status: Status = "suspended";
  /** the body's generator once started (null before the first resume and when dead) */
  gen: Gen | null = null;
  /** the error it died by, which close reports */
  error: LuaError | null = null;
  /** pcall nesting inside it: errors there need no traceback. An error that kills it does:
   *  debug.traceback(co) shows where it died */
  pdepth = 0;
  /** pcalls and xpcalls in its generator chain (yieldState.protectedDepth while it runs) */
  protectedDepth = 0;
  /** to-be-closed variables an error left pending, innermost first, with that error */
  pending: [unknown, unknown][] = [];
  constructor(readonly fn: unknown) {}
}
threadClass.ctor = Coroutine;

const mainCo = new Coroutine(undefined);
mainCo.status = "running";

/** The running coroutine. */
export const threads = { current: mainCo, main: mainCo };
yieldState.inCoroutine = () => threads.current !== mainCo;
closeHooks.defer = (v, e) => {
  const co = threads.current;
  if (co === mainCo || !yieldState.yieldable || yieldState.protectedDepth > 0) return false;
  co.pending.push([v, e]);
  return true;
};

/** Nested resumes allowed before "C stack overflow" (LUAI_MAXCCALLS in Lua). */
const MAX_NESTING = 196;
let nesting = 0;

function fail(value: unknown): unknown {
  failure.value = value;
  return FAILED;
}

/** Why the last resume failed (the error value). */
export const failure: { value: unknown } = { value: undefined };

/** What `resumeWith` returns when the coroutine failed (the error value in `failure`). */
export const FAILED: unknown = Object.freeze({});

/** How the scheduler resumes a task: with the value its wait produced, or the error. */
export interface TaskInput {
  failed: boolean;
  value: unknown;
}

/** Runs `co` until it yields, returns or fails. `input` holds the values passed in, as a
 *  call's result does (one value, or a Multi; see multi.ts): the body's arguments at the
 *  first resume, what coroutine.yield returns after that. Returns the values yielded or
 *  returned in the same form (a Multi's array not to be mutated), or FAILED. A wait that
 *  reaches this resume is served on the spot — except for a scheduler task (`task` given:
 *  the wait's outcome is what goes in), which is parked instead: the Suspension is returned.
 *  Values go in and out without arrays of their own: a resume/yield pair allocates nothing
 *  here but the generator's step result. */
export function resumeWith(co: Coroutine, input: unknown, task: TaskInput | null = null): unknown {
  if (co.status !== "suspended") return fail(co.status === "dead" ? "cannot resume dead coroutine" : "cannot resume non-suspended coroutine");
  if (nesting >= MAX_NESTING) return fail("C stack overflow");
  const prev = threads.current;
  const savedDepth = protectedCalls.depth;
  const savedYieldable = yieldState.yieldable;
  const savedProtected = yieldState.protectedDepth;
  prev.status = "normal";
  co.status = "running";
  threads.current = co;
  protectedCalls.depth = co.pdepth;
  yieldState.yieldable = true;
  yieldState.protectedDepth = co.protectedDepth;
  nesting++;
  try {
    let r: IteratorResult<unknown, unknown>;
    if (co.gen === null) {
      // (a fresh array: startCall may prepend a __call receiver)
      const v = startCall(co.fn, input instanceof Multi ? input.v.slice() : [input]);
      if (!Y.y) {
        co.status = "dead";
        return v;
      }
      co.gen = v as Gen;
      r = co.gen.next();
    } else if (task === null) r = co.gen.next(input);
    else r = task.failed ? co.gen.throw(task.value) : co.gen.next(task.value);
    while (!r.done && r.value instanceof Suspension) {
      if (task !== null) {
        co.status = "suspended";
        return r.value;
      }
      r = serveInto(co.gen, r.value);
    }
    if (r.done) {
      co.status = "dead";
      co.gen = null;
    } else co.status = "suspended";
    return r.value;
  } catch (e) {
    co.status = "dead";
    co.gen = null;
    if (e instanceof ExitRequest) throw e;
    co.error = toLuaError(e);
    return fail(co.error.value);
  } finally {
    nesting--;
    co.pdepth = protectedCalls.depth;
    protectedCalls.depth = savedDepth;
    co.protectedDepth = yieldState.protectedDepth;
    yieldState.protectedDepth = savedProtected;
    yieldState.yieldable = savedYieldable;
    threads.current = prev;
    prev.status = "running";
  }
}

/** resumeWith with the values as arrays: the arguments in, the values yielded or returned out
 *  (not to be mutated), null when it failed; a parked task's Suspension as with resumeWith. */
export function resumeCo(co: Coroutine, args: unknown[]): unknown[] | null;
export function resumeCo(co: Coroutine, args: unknown[], task: TaskInput): unknown[] | null | Suspension;
export function resumeCo(co: Coroutine, args: unknown[], task: TaskInput | null = null): unknown[] | null | Suspension {
  const r = resumeWith(co, ret(args), task);
  if (r === FAILED) return null;
  return r instanceof Suspension ? r : resultList(r);
}

function checkCo(v: unknown, fname: string, present: boolean): Coroutine {
  if (v instanceof Coroutine) return v;
  throw typeError(1, fname, "thread", v, present);
}

function checkFunction(v: unknown, fname: string, present: boolean): void {
  if (typeof v !== "function") throw typeError(1, fname, "function", v, present);
}

/** What closing a coroutine changes and restores after: the running one, yieldability. */
interface Outer {
  prev: Coroutine;
  yieldable: boolean;
}

/** Runs as `co` while its to-be-closed variables are closed (no yielding there). A pair of
 *  calls around the closing rather than a callback: error levels count builtin frames, and
 *  a callback would add some between a __close handler and coroutine.close. */
function enterClosing(co: Coroutine): Outer {
  const outer = { prev: threads.current, yieldable: yieldState.yieldable };
  co.status = "running";
  threads.current = co;
  yieldState.yieldable = false;
  return outer;
}

/** Back to the coroutine that closed `co`, which is now dead. */
function leaveClosed(co: Coroutine, outer: Outer): void {
  co.status = "dead";
  threads.current = outer.prev;
  yieldState.yieldable = outer.yieldable;
}

/** Closes a suspended coroutine: its pending to-be-closed variables run (the generator
 *  returns through its finally blocks). [true] or [false, error]. */
function closeCo(co: Coroutine): unknown[] {
  if (co.status === "dead") {
    const err = co.error;
    if (err === null) return [true];
    co.error = null;
    const e = closePending(co, err);
    return [false, e.value];
  }
  const g = co.gen;
  co.gen = null;
  if (g === null) {
    co.status = "dead";
    return [true];
  }
  const outer = enterClosing(co);
  try {
    let r = g.return(undefined);
    while (!r.done) r = r.value instanceof Suspension ? serveInto(g, r.value) : g.throw(cannotYield());
    return [true];
  } catch (e) {
    if (e instanceof ExitRequest) throw e;
    co.error = toLuaError(e);
    return [false, co.error.value];
  } finally {
    leaveClosed(co, outer);
  }
}

/** Runs the to-be-closed variables an error left pending in a dead coroutine, with that
 *  error (an error in a handler replaces it); returns the final error. */
function closePending(co: Coroutine, err: LuaError): LuaError {
  const list = co.pending;
  co.pending = [];
  const outer = enterClosing(co);
  try {
    for (const [v] of list) {
      try {
        closeVar(v, err);
      } catch (e) {
        if (e instanceof ExitRequest) throw e;
        err = toLuaError(e);
      }
    }
    return err;
  } finally {
    leaveClosed(co, outer);
  }
}

const lib = {
  create(f: unknown): unknown {
    checkFunction(f, "coroutine.create", arguments.length > 0);
    return new Coroutine(f);
  },

  resume(co: unknown, ...args: unknown[]): unknown {
    const c = checkCo(co, "coroutine.resume", arguments.length > 0);
    const r = resumeWith(c, ret(args));
    if (r === FAILED) return new Multi([false, failure.value]);
    return r instanceof Multi ? new Multi([true, ...r.v]) : new Multi([true, r]);
  },

  yield(): unknown {
    throw cannotYield();
  },

  status(co: unknown): unknown {
    return checkCo(co, "coroutine.status", arguments.length > 0).status;
  },

  running(): unknown {
    return new Multi([threads.current, threads.current === mainCo]);
  },

  isyieldable(co: unknown): unknown {
    // plain code is never yieldable: inside a coroutine it runs below a builtin
    if (arguments.length > 0) return checkCo(co, "coroutine.isyieldable", true) !== mainCo;
    return false;
  },

  wrap(f: unknown): unknown {
    checkFunction(f, "coroutine.wrap", arguments.length > 0);
    const co = new Coroutine(f);
    const wrapped = function wrapped(...args: unknown[]): unknown {
      const r = resumeWith(co, ret(args));
      if (r !== FAILED) return r;
      let err = failure.value;
      // a coroutine dead by error is closed before the error goes on
      if (co.error !== null) {
        const le = closePending(co, co.error);
        co.error = null;
        err = le.value;
      }
      // a string error gets the position of the Lua code that called the wrapped function
      const sites = captureSites();
      if (typeof err === "string") err = wherePrefix(luaPosAt(sites, 1, afterBuiltin(sites, "wrapped"))) + err;
      throw new LuaError(err, sites);
    };
    return wrapped;
  },

  close(co: unknown): unknown {
    const c = checkCo(co, "coroutine.close", arguments.length > 0);
    if (c.status === "running" || c.status === "normal") throw libError("coroutine.close", `cannot close a ${c.status} coroutine`);
    return new Multi(closeCo(c));
  },
};

/** coroutine.yield started from generator code through a value (`local yield =
 *  coroutine.yield`; written as `coroutine.yield(...)` it compiles to a JS yield): what the
 *  caller runs with `yield*`. It yields the values once, then returns what the resume passed
 *  in; a throw or return from the driver goes on through the caller, as from a generator
 *  suspended at its yield. An object of its own rather than a generator: measured, a
 *  resume/yield pair through a local alias took 0.34 s per 2,000,000 with a generator. */
class YieldStep implements Generator<unknown, unknown, unknown> {
  private yielded = false;
  constructor(private readonly values: unknown) {}
  next(input?: unknown): IteratorResult<unknown, unknown> {
    if (this.yielded) return { value: input, done: true };
    this.yielded = true;
    return { value: this.values, done: false };
  }
  throw(e: unknown): IteratorResult<unknown, unknown> {
    this.yielded = true;
    throw e;
  }
  return(value?: unknown): IteratorResult<unknown, unknown> {
    this.yielded = true;
    return { value, done: true };
  }
  [Symbol.iterator](): this {
    return this;
  }
  get [Symbol.toStringTag](): string {
    return "YieldStep";
  }
}

// generator implementations, used when called from generator code (inside a coroutine)
withGen(lib.yield, (...args: unknown[]) => new YieldStep(ret(args)));
withGen(lib.isyieldable, function* (co?: unknown) {
  if (co !== undefined) return lib.isyieldable(co);
  return yieldState.yieldable;
});

builtins.yield = lib.yield;

export function openCoroutine(G: LuaTable): void {
  G.setField("coroutine", LuaTable.library(lib));
}
