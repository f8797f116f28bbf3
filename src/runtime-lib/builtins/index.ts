// The assay builtins: globals beyond Lua's standard library (SPEC B§1). Each lives in its own
// module exporting openX(G); this file opens them all, in a fixed order.
import { LuaTable } from "../core/table.js";
import { openAsync } from "./async.js";
// builtin imports:
// (json)
// (yaml, toml, base64)
// (crypto, regex)
// (fs, template, env, log, assert, time)

export function openBuiltins(G: LuaTable): void {
  openAsync(G);
  // builtin opens:
  // (json)
  // (yaml, toml, base64)
  // (crypto, regex)
  // (fs, template, env, log, assert, time)
}
