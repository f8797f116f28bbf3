// A fresh Lua state: the globals table with every library opened.
import { LuaTable } from "./core/table.js";
import { openBase } from "./lib/base.js";
import { openOs } from "./lib/os.js";
import { openIo } from "./lib/io.js";
import { openTable } from "./lib/table.js";
import { openMath } from "./lib/math.js";
import { openUtf8 } from "./lib/utf8.js";
import { openString } from "./lib/string.js";
import { openDebug } from "./lib/debug.js";
import { openCoroutine } from "./lib/coroutine.js";
import { openBuiltins } from "./builtins/index.js";
import { openPackage } from "./lib/package.js";

export interface StateOptions {
  /** the script's command-line arguments as lua.c builds `arg` */
  arg?: LuaTable;
}

export function createGlobals(opts: StateOptions = {}): LuaTable {
  const G = new LuaTable();
  openBase(G);
  openOs(G);
  openIo(G);
  openTable(G);
  openMath(G);
  openUtf8(G);
  openString(G);
  openCoroutine(G);
  openDebug(G);
  openBuiltins(G);
  openPackage(G);
  if (opts.arg) G.setField("arg", opts.arg);
  G.compactStrings();
  return G;
}
