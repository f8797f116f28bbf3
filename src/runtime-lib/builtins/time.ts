// `time()` (SPEC B§1.13): the Unix epoch in seconds as a float with sub-second precision
// (microseconds), e.g. 1770999999.123456. Always the float subtype, even on a whole second,
// so `math.type(time())` is "float" and `math.floor(time())` gives the integer seconds.
import { LuaTable } from "../core/table.js";
import { LFloat } from "../core/numbers.js";

// performance.now() has sub-millisecond resolution but is monotonic: anchored once, it drifts
// from the wall clock when the system clock is adjusted. Each call checks it against
// Date.now() (the wall clock, whole ms) and re-anchors, to the middle of that millisecond,
// when they disagree. (Anchored on first use: touching `performance` loads Node's perf_hooks,
// which a script that never asks the time need not pay for at start-up.)
let offset: number | undefined;

/** Wall-clock now in epoch milliseconds, with microsecond resolution. */
export function nowMs(): number {
  offset ??= performance.timeOrigin;
  let t = offset + performance.now();
  const wall = Date.now();
  if (t < wall - 1 || t >= wall + 2) {
    offset += wall + 0.5 - t;
    t = wall + 0.5;
  }
  return Math.round(t * 1000) / 1000;
}

/** Wall-clock now in epoch seconds (float), microsecond resolution. */
export function nowSeconds(): number {
  return Math.round(nowMs() * 1000) / 1e6;
}

function time(): unknown {
  const s = nowSeconds();
  return Number.isInteger(s) ? new LFloat(s) : s;
}

export function openTime(G: LuaTable): void {
  G.setField("time", time);
}
