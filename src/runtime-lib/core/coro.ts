// Coroutines over generators. Every Lua function is compiled twice: the plain JS function
// that runs outside coroutines, and a generator twin (nested in it, sharing its upvalues)
// that runs inside one, where every call is a `yield*` so a yield at any depth suspends the
// whole chain. Code that never runs in a coroutine only pays one comparison per call.
//
// The protocol between generator code and its callees:
//  - `cg(f, ...args)` starts a call from generator code. For a compiled Lua function it sets
//    `Y.g = f` and calls f; f's prologue sees itself in `Y.g`, sets `Y.g = Y` (taken) and
//    returns its twin's generator instead of running. For a builtin with a generator
//    implementation (`$y`: coroutine.yield, pcall, ...) it starts that. Any other builtin
//    simply runs. `Y.y` tells the caller whether the result is a generator to `yield*`.
//  - A restartable function (compiler/transform/restartable.ts: no calls, no loops, no
//    writes but to its own locals) takes such a start as a probe instead: its prologue
//    sets `Y.g = PROBE` and `Y.defer`, and its plain body runs. If it returns, that is the
//    call's result (no generator). If one of its operators is about to call a metamethod
//    (which might yield), `deferred` throws BAIL instead; the starter then restarts the
//    call with `Y.r` set, and the prologue hands back the twin's generator as usual. Any
//    error in the probe restarts it too, so the error comes from the twin as before. Its
//    last call, if it has one, goes through `Y.call`: a builtin that cannot yield runs (the
//    probe is then over, Y.g = CALLED: an error of that builtin stands, since it may have
//    done things), anything else restarts the probe before it runs (BAIL_CALL, which also
//    marks the function `$np`: probing it again would only restart it again).
//  - `gop(op, a, b, c, d)` runs an operator helper (index, add, lt, ...) from generator code
//    (with the arguments the plain call would pass it, the call's site last) with metamethod
//    calls deferred: the helper's first metamethod call (through `mmcall`)
//    is started as above instead of run, and handed back for the caller to `yield*`.
//  - What reaches a driver through the chain of `yield*`s is either a Lua yield (its values
//    as a call's result: one value, or a Multi) or a request to wait (exec model, see
//    exec/). What the driver passes back in is the resume's values in the same form.
import { Multi, first } from "./multi.js";
import { metaOf, callable, attempt } from "./ops.js";
import { LuaError, rtError } from "./errors.js";

type Gen = Generator<unknown, unknown, unknown>;

/** `Y.g` while a restartable function runs plainly as a probe. */
const PROBE = Object.freeze({ probe: true });

/** `Y.g` once a probe's last call ran: its result is the call's, its error stands. */
const CALLED = Object.freeze({ called: true });

/** Thrown when a probe reaches a metamethod call: the call is restarted as a generator. */
const BAIL = Object.freeze({ bail: true });

/** Thrown when a probe's last call is of a function that might yield: the same. */
const BAIL_CALL = Object.freeze({ bailCall: true });

export const Y = {
  /** the function a generator-code call is starting; set to Y itself when the twin took
   *  it, to PROBE while a restartable function runs plainly */
  g: null as unknown,
  /** PROBE, for compiled prologues */
  p: PROBE as unknown,
  /** a probe is being restarted: the prologue is to hand back the generator */
  r: false,
  /** a probe's last call, for compiled code */
  call: probeCall as (f: unknown, ...args: unknown[]) => unknown,
  /** did the last cg/gop return a generator? */
  y: false,
  /** gop is running a helper: its next metamethod call is to be started, not run */
  defer: false,
  /** the generator of a deferred metamethod call */
  pend: null as Gen | null,
};

/** Starts a call of f from generator code: a generator to run (Y.y) or the result. `site`:
 *  the call's site when compiled code makes it (cg0..cg3), for its error (see rtError). */
export function startCall(f: unknown, args: unknown[], site?: number): unknown {
  for (;;) {
    if (typeof f === "function") {
      const gy = (f as { $y?: (...a: unknown[]) => Gen }).$y;
      if (gy !== undefined) {
        Y.y = true;
        return gy(...args);
      }
      const saved = Y.g;
      Y.g = f;
      let r: unknown;
      try {
        r = f(...args);
      } catch (e) {
        if (Y.g === PROBE) return restart(f, args, saved, e);
        Y.g = saved;
        throw e;
      }
      return took(r, saved);
    }
    const h = metaOf(f, "__call");
    if (h === undefined) throw rtError(attempt("call", f), "c", 0, site);
    args.unshift(f);
    f = h;
  }
}

/** After a started call returned: was it handed back as a generator (Y.y)? A probe that
 *  returned has its result. */
function took(r: unknown, saved: unknown): unknown {
  const g = Y.g;
  if (g === PROBE) Y.defer = false;
  Y.y = g === Y;
  Y.g = saved;
  return r;
}

/** A probe failed (BAIL, or an error): starts the call again, now as a generator. */
function restart(f: Function, args: unknown[], saved: unknown, e: unknown): unknown {
  if (e === BAIL_CALL) (f as { $np?: boolean }).$np = true;
  Y.defer = false;
  Y.g = f;
  Y.r = true;
  try {
    return f(...args);
  } finally {
    Y.r = false;
    Y.g = saved;
    Y.y = true;
  }
}

/** A probe's last call (see the protocol above). A restartable Lua function probes in turn:
 *  if that probe fails, so does this one. */
function probeCall(f: unknown, ...args: unknown[]): unknown {
  if (typeof f !== "function" || (f as Fn).$y !== undefined) throw BAIL_CALL;
  Y.defer = false;
  Y.g = f;
  let r: unknown;
  try {
    r = (f as Fn)(...args);
  } catch (e) {
    if (Y.g !== PROBE) Y.g = CALLED;
    throw e;
  }
  if (Y.g === Y) {
    // a Lua function handed back its twin's generator, not started: nothing happened
    Y.g = PROBE;
    throw BAIL_CALL;
  }
  Y.defer = false;
  Y.g = CALLED;
  return r;
}

export function cg(f: unknown, ...args: unknown[]): unknown {
  return startCall(f, args);
}

// cg for calls with 0-3 fixed arguments, without the argument array (the common case);
// compiled code passes the call's site after the arguments
type Fn = ((...a: unknown[]) => unknown) & { $y?: (...a: unknown[]) => Gen };

export function cg0(f: unknown, site?: number): unknown {
  if (typeof f !== "function") return startCall(f, [], site);
  const gy = (f as Fn).$y;
  if (gy !== undefined) return (Y.y = true), gy();
  const saved = Y.g;
  Y.g = f;
  let r: unknown;
  try {
    r = (f as Fn)();
  } catch (e) {
    if (Y.g === PROBE) return restart(f, [], saved, e);
    Y.g = saved;
    throw e;
  }
  return took(r, saved);
}

export function cg1(f: unknown, a: unknown, site?: number): unknown {
  if (typeof f !== "function") return startCall(f, [a], site);
  const gy = (f as Fn).$y;
  if (gy !== undefined) return (Y.y = true), gy(a);
  const saved = Y.g;
  Y.g = f;
  let r: unknown;
  try {
    r = (f as Fn)(a);
  } catch (e) {
    if (Y.g === PROBE) return restart(f, [a], saved, e);
    Y.g = saved;
    throw e;
  }
  return took(r, saved);
}

export function cg2(f: unknown, a: unknown, b: unknown, site?: number): unknown {
  if (typeof f !== "function") return startCall(f, [a, b], site);
  const gy = (f as Fn).$y;
  if (gy !== undefined) return (Y.y = true), gy(a, b);
  const saved = Y.g;
  Y.g = f;
  let r: unknown;
  try {
    r = (f as Fn)(a, b);
  } catch (e) {
    if (Y.g === PROBE) return restart(f, [a, b], saved, e);
    Y.g = saved;
    throw e;
  }
  return took(r, saved);
}

export function cg3(f: unknown, a: unknown, b: unknown, c: unknown, site?: number): unknown {
  if (typeof f !== "function") return startCall(f, [a, b, c], site);
  const gy = (f as Fn).$y;
  if (gy !== undefined) return (Y.y = true), gy(a, b, c);
  const saved = Y.g;
  Y.g = f;
  let r: unknown;
  try {
    r = (f as Fn)(a, b, c);
  } catch (e) {
    if (Y.g === PROBE) return restart(f, [a, b, c], saved, e);
    Y.g = saved;
    throw e;
  }
  return took(r, saved);
}

export function gop(op: (a: unknown, b: unknown, c: unknown, d: unknown) => unknown, a: unknown, b?: unknown, c?: unknown, d?: unknown): unknown {
  Y.defer = true;
  Y.pend = null;
  let r: unknown;
  try {
    r = op(a, b, c, d);
  } finally {
    Y.defer = false;
  }
  const p = Y.pend;
  if (p !== null) {
    Y.pend = null;
    Y.y = true;
    return p;
  }
  Y.y = false;
  return r;
}

/** Calls a metamethod for an operator helper with its arguments (or, under gop, starts it
 *  and leaves the generator in Y.pend; the helper's own result is then ignored). */
function deferred(h: unknown, args: unknown[]): unknown {
  if (Y.g === PROBE) throw BAIL;
  Y.defer = false;
  const r = startCall(h, args);
  if (Y.y) {
    Y.pend = r as Gen;
    return undefined;
  }
  return r;
}

export function mm1(h: unknown, a: unknown): unknown {
  return Y.defer ? deferred(h, [a]) : callable(h)(a);
}

export function mm2(h: unknown, a: unknown, b: unknown): unknown {
  return Y.defer ? deferred(h, [a, b]) : callable(h)(a, b);
}

export function mm3(h: unknown, a: unknown, b: unknown, c: unknown): unknown {
  return Y.defer ? deferred(h, [a, b, c]) : callable(h)(a, b, c);
}

/** The truth of a metamethod's first result (comparisons run under gop). */
export function tru(r: unknown): boolean {
  const v = first(r);
  return v !== undefined && v !== false;
}

// ---- drivers ----

/** Something a generator chain hands its driver other than a Lua yield: the exec model's
 *  requests to wait. Drivers that cannot suspend serve it on the spot (`serve`). */
export abstract class Suspension {
  abstract serve(): unknown;
}

/** Serves a wait where the generator cannot be parked, then passes its outcome in. */
export function serveInto(g: Gen, s: Suspension): IteratorResult<unknown, unknown> {
  let v: unknown;
  try {
    v = s.serve();
  } catch (e) {
    return g.throw(e);
  }
  return g.next(v);
}

/** Where generator code that reaches a plain driver may not yield: the message Lua gives. */
export const yieldState = {
  /** the generator chain being run leads straight to a coroutine's resume */
  yieldable: false,
  /** pcalls and xpcalls active in the generator chain of the running coroutine */
  protectedDepth: 0,
  /** inside a coroutine at all (not the main one) */
  inCoroutine: (): boolean => false,
};

export function cannotYield(): LuaError {
  return new LuaError(yieldState.inCoroutine() ? "attempt to yield across a C-call boundary" : "attempt to yield from outside a coroutine");
}

/** Runs a generator to completion from plain code (a function created inside a coroutine,
 *  called outside one): a Lua yield raises Lua's error at the yield point. */
export function drive(g: Gen): unknown {
  const saved = yieldState.yieldable;
  yieldState.yieldable = false;
  try {
    let r = g.next();
    while (!r.done) {
      const v = r.value;
      r = v instanceof Suspension ? serveInto(g, v) : g.throw(cannotYield());
    }
    return r.value;
  } finally {
    yieldState.yieldable = saved;
  }
}

/** A Lua function created by generator code: only a generator exists; called plainly it is
 *  driven to completion, called from generator code the generator is used directly. */
export function gonly(gf: (...args: unknown[]) => Gen): Function {
  const f = function (...args: unknown[]): unknown {
    return drive(gf(...args));
  };
  (f as unknown as { $y: unknown }).$y = gf;
  return f;
}

/** A builtin's generator implementation, used when it is called from generator code. */
export function withGen<F extends Function>(f: F, gf: (...args: any[]) => Gen): F {
  (f as unknown as { $y: unknown }).$y = gf;
  return f;
}

/** The results of a finished call as a resume/return value list. */
export function resultList(r: unknown): unknown[] {
  return r instanceof Multi ? r.v : [r];
}
