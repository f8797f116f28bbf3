// To-be-closed variables: the check when one is declared and the call of __close on exit.
import { metaOf } from "./ops.js";
import { mm2 } from "./coro.js";
import { ExitRequest, luaError, rtError, toLuaError } from "./errors.js";

export function closable(v: unknown, name: string): void {
  if (v === undefined || v === false) return;
  if (metaOf(v, "__close") === undefined) throw luaError(`variable '${name}' got a non-closable value`);
}

/** Calls __close(v, err) — err is the error value when the scope exits by an error. */
export function closeVar(v: unknown, e: unknown): void {
  if (v === undefined || v === false) return;
  // os.exit closes pending variables only when asked to (its `close` argument), with no error
  if (e instanceof ExitRequest) {
    if (!(e as ExitRequest & { close?: boolean }).close) return;
    e = undefined;
  }
  const h = metaOf(v, "__close");
  if (h === undefined) throw rtError("attempt to call a nil value (metamethod 'close')");
  mm2(h, v, e === undefined ? undefined : toLuaError(e).value);
}

/** Decides whether a to-be-closed variable left by an error stays pending (set by the
 *  coroutine library: an error leaving a coroutine altogether, which Lua closes only when
 *  the coroutine is closed). */
export const closeHooks = { defer: (_v: unknown, _e: unknown): boolean => false };

/** closeVar from generator code. */
export function closeVarG(v: unknown, e: unknown): void {
  if (e !== undefined && v !== undefined && v !== false && !(e instanceof ExitRequest) && closeHooks.defer(v, e)) return;
  closeVar(v, e);
}
