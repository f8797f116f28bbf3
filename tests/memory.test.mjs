// The memory limit: "not enough memory" as a catchable Lua error where growth shows, the
// program going on afterwards, and the limit set by --memory-limit / ASSAY_MEMORY_LIMIT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLua, tempDir } from './helpers.mjs';

const dir = tempDir('mem');

const run = (name, text, args = [], env = {}) => runLua(text, { dir, name, sourceEncoding: 'latin1', command: args, timeout: 60000, env });

test('growth past the default 64 MB limit is a catchable "not enough memory"', () => {
  const r = run('grow.lua', `
print(pcall(string.rep, "x", 100 * 1024 * 1024))
print(pcall(function() local t = {} for i = 1, 1e8 do t[i] = i end end))
print(pcall(function() local s = "" while true do s = s .. string.rep("x", 10000) end end))
print(pcall(function() local t = {} for i = 1, 1e8 do t[i] = {i} end end))
print(pcall(function() local t = {} for i = 1, 1e8 do t["k" .. i] = i end end))
print("still running", #string.rep("y", 1000))
`);
  assert.equal(r.err, '');
  assert.equal(r.out, 'false\tnot enough memory\n'.repeat(5) + 'still running\t1000\n');
});

test('an uncaught memory error ends the run with exit code 1', () => {
  const r = run('uncaught.lua', 'local t = {}\nfor i = 1, 1e9 do t[i] = i end\n');
  assert.equal(r.status, 1);
  assert.match(r.err, /^assay: not enough memory\n/);
});

test('--memory-limit and ASSAY_MEMORY_LIMIT set the limit in megabytes; 0 means none', () => {
  const text = 'print(pcall(function() return #string.rep("x", 20 * 1024 * 1024) end))\n';
  assert.equal(run('limit.lua', text, ['--memory-limit', '8']).out, 'false\tnot enough memory\n');
  assert.equal(run('limit.lua', text, [], { ASSAY_MEMORY_LIMIT: '8' }).out, 'false\tnot enough memory\n');
  assert.equal(run('limit.lua', text, ['run', '--memory-limit', '100']).out, 'true\t20971520\n');
  const big = 'print(#string.rep("x", 100 * 1024 * 1024))\n';
  assert.equal(run('nolimit.lua', big, ['--memory-limit', '0']).out, '104857600\n');
  const bad = run('limit.lua', text, ['--memory-limit', 'lots']);
  assert.equal(bad.status, 2);
  assert.match(bad.err, /invalid memory limit 'lots'/);
});

test('garbage does not count: churning far more than the limit in short-lived tables runs', () => {
  const r = run('churn.lua', `
local n = 0
for i = 1, 3e6 do local t = {i, i + 1, tostring(i)}; n = n + #t end
print(n)
`);
  assert.equal(r.err, '');
  assert.equal(r.out, '9000000\n');
});
