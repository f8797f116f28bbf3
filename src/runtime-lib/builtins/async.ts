// `sleep` and the `async` table: tasks on the scheduler (exec/scheduler.ts).
//   sleep(seconds)                 waits; inside a task only that task waits
//   async.spawn(fn) → handle       fn runs as a task the next time something waits;
//                                  handle:await() (or handle.await()) → array of its results
//   async.spawn_interval(s, fn)    fn every s seconds (first after one interval) until
//                                  handle:cancel(); an error stops it and is logged
import { LuaTable } from "../core/table.js";
import { EMPTY } from "../core/multi.js";
import { LuaError, toLuaError, ExitRequest } from "../core/errors.js";
import { Y, startCall, withGen } from "../core/coro.js";
import { toF } from "../core/numbers.js";
import { argError, checkNumber, errorMessage, libError } from "../lib/aux.js";
import { writeStderr } from "../io-out.js";
import { Sleep, Task, spawn, Wait } from "../exec/scheduler.js";

type Gen = Generator<unknown, unknown, unknown>;

function sleepWait(seconds: unknown, present: boolean): Sleep {
  const s = toF(checkNumber(seconds, 1, "sleep", present));
  if (!(s >= 0)) throw argError(1, "sleep", "duration must be a non-negative number");
  return new Sleep(s * 1000);
}

function sleep(seconds: unknown): unknown {
  sleepWait(seconds, arguments.length > 0).serve();
  return EMPTY;
}
withGen(sleep, {
  *sleep(seconds: unknown): Gen {
    yield sleepWait(seconds, arguments.length > 0);
    return EMPTY;
  },
}.sleep);

// ---- spawn ----

function taskHandle(task: Task): LuaTable {
  let awaited = false;
  const join = (): Wait => {
    if (awaited) throw libError("await_", "async handle already awaited");
    awaited = true;
    return task.join();
  };
  const results = (v: unknown): LuaTable => new LuaTable((v as unknown[]).slice());
  // handle:await() and handle.await() both work: the handle itself is ignored
  const h = new LuaTable();
  h.setStr(
    "await",
    withGen(
      function await_(): unknown {
        return results(join().serve());
      },
      function* await_(): Gen {
        return results(yield join());
      },
    ),
  );
  return h;
}

function intervalLoop(ms: number, fn: unknown, state: { cancelled: boolean }): () => Gen {
  return function* interval(): Gen {
    let next = Date.now() + ms;
    for (;;) {
      yield new Sleep(Math.max(0, next - Date.now()));
      if (state.cancelled) return EMPTY;
      try {
        const r = startCall(fn, []);
        if (Y.y) yield* r as Gen;
      } catch (e) {
        if (e instanceof ExitRequest) throw e;
        writeStderr(`async.spawn_interval: callback error: ${errorMessage(toLuaError(e).value)}\n`);
        return EMPTY;
      }
      // missed ticks fire at once, as a bursting interval does
      next += ms;
    }
  };
}

const asyncLib = {
  spawn(fn: unknown): unknown {
    if (typeof fn !== "function") throw libError("async.spawn", "async.spawn: argument must be a function");
    return taskHandle(spawn(fn));
  },

  spawn_interval(seconds: unknown, fn: unknown): unknown {
    const s = typeof seconds === "number" || typeof seconds === "bigint" ? Number(seconds) : NaN;
    if (!(s > 0)) throw libError("async.spawn_interval", "async.spawn_interval: interval must be positive");
    if (typeof fn !== "function") throw libError("async.spawn_interval", "async.spawn_interval: second argument must be a function");
    const state = { cancelled: false };
    const body = withGen(function interval(): unknown {
      throw new LuaError("async.spawn_interval: the interval runs only as a task");
    }, intervalLoop(s * 1000, fn, state));
    spawn(body);
    const h = new LuaTable();
    h.setStr("cancel", function cancel(): unknown {
      state.cancelled = true;
      return EMPTY;
    });
    return h;
  },
};

export function openAsync(G: LuaTable): void {
  G.setField("sleep", sleep);
  G.setField("async", LuaTable.library(asyncLib));
}
