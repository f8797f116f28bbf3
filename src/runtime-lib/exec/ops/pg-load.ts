// Loading pg, in the I/O worker (exec/ops/db.ts): evaluated when the first connection opens,
// by a literal require, which esbuild bundles but runs only when called (file-by-file tsc
// output, where ESM has no require, loads it from node_modules).
import type * as Pg from "pg";
import { esm } from "../../pg/values.js";

let pgLib: typeof Pg | undefined;
export const loadPg = (): typeof Pg => (pgLib ??= withNavigator(() => (typeof require === "function" ? require("pg") : esm("pg")) as typeof Pg));

/** Runs `load` with a global `navigator` whose userAgent says Node.js, as Node 21+ has. pg
 *  asks as it loads whether it runs on Cloudflare Workers; without `navigator` (Node 20) it
 *  builds a global `Response` to find out, which makes Node load its own copy of undici:
 *  ~55 ms of a run's first query. The global is there only while pg loads. */
function withNavigator<T>(load: () => T): T {
  if ("navigator" in globalThis) return load();
  Object.defineProperty(globalThis, "navigator", { value: { userAgent: "Node.js" }, configurable: true, writable: true });
  try {
    return load();
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
}
