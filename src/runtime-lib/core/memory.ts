// The memory limit: 64 MB by default, as the original. It bounds the JS heap the program
// uses beyond what the runtime held when the program started. The heap is sampled where
// growth shows — every 65,536 table insertions or large strings, and before big
// allocations the runtime can see coming (string.rep, table.concat, reads) — and when the
// limit is passed even after a full collection, the program gets the catchable Lua error
// "not enough memory" (without position, as Lua's memory errors).
import { lazyNode } from "../node-lazy.js";
import vm from "node:vm";
import { LuaError } from "./errors.js";

export const DEFAULT_MEMORY_LIMIT = 64 * 1048576;

export const memory = {
  /** bytes; 0 = no limit */
  limit: DEFAULT_MEMORY_LIMIT,
  /** heap in use when the program started */
  base: 0,
  /** growth events since the last sample */
  ticks: 0,
};

const SAMPLE_EVERY = 65536;

function heapUsed(): number {
  // (process.memoryUsage, not node:v8: nothing to load at start-up, where the base is taken)
  return process.memoryUsage().heapUsed;
}

/** Sets the limit (bytes, 0 for none), counting from the heap in use now. */
export function setMemoryLimit(bytes: number): void {
  memory.limit = bytes;
  memory.base = heapUsed();
}

/** One growth event (a table insertion, a large string). */
export function memoryTick(): void {
  if (++memory.ticks >= SAMPLE_EVERY) {
    memory.ticks = 0;
    checkMemory(0);
  }
}

/** n growth events at once (weighted: a large string counts per kilobyte). */
export function memoryTicks(n: number): void {
  if ((memory.ticks += n + 1) >= SAMPLE_EVERY) {
    memory.ticks = 0;
    checkMemory(0);
  }
}

let gc: (() => void) | null = null;

/** Raises "not enough memory" if `extra` more bytes would pass the limit. */
export function checkMemory(extra: number): void {
  if (memory.limit <= 0) return;
  if (heapUsed() - memory.base + extra <= memory.limit) return;
  if (extra > memory.limit) throw new LuaError("not enough memory");
  // garbage counts until it is collected: collect, then decide
  if (gc === null) {
    lazyNode.v8().setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
  if (heapUsed() - memory.base + extra > memory.limit) throw new LuaError("not enough memory");
}
