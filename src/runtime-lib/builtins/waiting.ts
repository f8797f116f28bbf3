// Builtins that wait (for I/O, timers or tasks) are written once, as a generator that yields
// each Wait it needs and returns the builtin's result:
//
//   const query = waiting("query", function* (conn, sql) {
//     const rows = yield new IoWait("db.query", [id, sql]);
//     return toLua(rows);
//   });
//
// Called from plain code, each wait is served: the caller blocks while the scheduler runs the
// other tasks, timers and I/O. Called from a task's generator code (async.spawn, http.serve
// handlers), the wait parks only that task. `name` is the JS function name, which is how
// argument errors find the builtin's frame ("bad argument #1 to 'query'").
import { withGen } from "../core/coro.js";
import type { Wait } from "../exec/scheduler.js";

export type WaitBody = Generator<Wait, unknown, unknown>;

export function waiting(name: string, body: (...args: any[]) => WaitBody): Function {
  const plain = {
    [name](...args: unknown[]): unknown {
      const g = body(...args);
      let r = g.next();
      while (!r.done) {
        let v: unknown;
        try {
          v = r.value.serve();
        } catch (e) {
          r = g.throw(e);
          continue;
        }
        r = g.next(v);
      }
      return r.value;
    },
  }[name];
  const gen = {
    *[name](...args: unknown[]): Generator<unknown, unknown, unknown> {
      return yield* body(...args);
    },
  }[name];
  return withGen(plain, gen);
}
