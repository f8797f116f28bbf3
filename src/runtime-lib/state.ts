// A fresh Lua state: the globals table with every library opened.
import { LuaTable } from "./core/table.js";
import { openBase } from "./lib/base.js";

export interface StateOptions {
  /** the script's command-line arguments as lua.c builds `arg` */
  arg?: LuaTable;
}

export function createGlobals(opts: StateOptions = {}): LuaTable {
  const G = new LuaTable();
  openBase(G);
  if (opts.arg) G.setStr("arg", opts.arg);
  return G;
}
