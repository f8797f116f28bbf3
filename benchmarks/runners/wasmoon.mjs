#!/usr/bin/env node
// Benchmark runner: runs one Lua file under wasmoon (PUC Lua 5.4 compiled to WebAssembly).
//   node benchmarks/runners/wasmoon.mjs FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { LuaFactory } = require('wasmoon');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: wasmoon.mjs FILE\n');
  process.exit(2);
}
const factory = new LuaFactory();
const engine = await factory.createEngine();
try {
  // the file's own name as the chunk name, as `lua5.4 FILE` would have it
  await factory.mountFile(file, readFileSync(file));
  await engine.doFile(file);
} catch (e) {
  process.stderr.write(`wasmoon: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 1;
} finally {
  engine.global.close();
}
