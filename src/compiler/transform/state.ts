// The mutable state the transform functions share while walking one chunk.
import { ChunkCtx, FuncState, Scope } from "../context.js";

export interface T {
  chunk: ChunkCtx;
  fn: FuncState;
  scope: Scope;
}

export function withScope<R>(t: T, body: () => R): R {
  const saved = t.scope;
  t.scope = new Scope(saved, t.fn);
  try {
    return body();
  } finally {
    t.scope = saved;
  }
}
