#!/usr/bin/env node
// Benchmark runner: runs one Lua file under fengari (Lua 5.3 in JavaScript; note its
// integers are 32-bit, so programs relying on 64-bit arithmetic print other checksums).
//   node benchmarks/runners/fengari.mjs FILE
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { lua, lauxlib, lualib, to_luastring, to_jsstring } = require('fengari');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: fengari.mjs FILE\n');
  process.exit(2);
}
const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);
// like lua.c: a message handler that adds a traceback, then report and exit 1
lua.lua_pushcfunction(L, (S) => {
  lauxlib.luaL_traceback(S, S, lua.lua_tostring(S, 1), 1);
  return 1;
});
let status = lauxlib.luaL_loadfile(L, to_luastring(file));
if (status === lua.LUA_OK) status = lua.lua_pcall(L, 0, 0, 1);
if (status !== lua.LUA_OK) {
  const msg = lua.lua_tostring(L, -1);
  process.stderr.write(`fengari: ${msg ? to_jsstring(msg) : '(error object is not a string)'}\n`);
  process.exitCode = 1;
}
