// The execution model: tasks (async.spawn, spawn_interval), sleep, waits from plain code and
// from coroutines, and how a program with pending tasks ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLua, tempDir } from './helpers.mjs';

const dir = tempDir('exec');

function run(name, text) {
  const t0 = Date.now();
  const r = runLua(text, { dir, name, sourceEncoding: 'latin1', timeout: 20000 });
  return { ...r, ms: Date.now() - t0 };
}

test('50 tasks that each sleep 0.2 s finish together', () => {
  const r = run('fifty.lua', `
local hs = {}
for i = 1, 50 do hs[i] = async.spawn(function() sleep(0.2) return i end) end
local sum = 0
for i = 1, 50 do sum = sum + hs[i]:await()[1] end
print(sum)
`);
  assert.equal(r.err, '');
  assert.equal(r.out, '1275\n');
  // one after the other would take 10 s; together they take one sleep (beyond start-up,
  // measured with an empty script just before)
  const base = run('empty.lua', '').ms;
  assert.ok(r.ms - base < 1000, `took ${r.ms} ms, start-up ${base} ms`);
});

test('await returns all results as an array; handle.await() works without self', () => {
  const r = run('results.lua', `
local h = async.spawn(function() return 1, nil, "three" end)
local t = h.await()
print(#t, t[1], t[2], t[3])
`);
  assert.equal(r.out, '3\t1\tnil\tthree\n');
});

test('a task error surfaces in await with its original position; a second await is an error', () => {
  const r = run('taskerr.lua', `
local h = async.spawn(function()
  sleep(0.01)
  error("task failed")
end)
print(pcall(h.await, h))
print(pcall(h.await, h))
`);
  assert.equal(r.out, 'false\ttaskerr.lua:4: task failed\nfalse\tasync handle already awaited\n');
});

test('tasks start only when the caller waits, and run interleaved', () => {
  const r = run('order.lua', `
local log = {}
local a = async.spawn(function() for i = 1, 3 do log[#log + 1] = "a" .. i; sleep(0.02) end end)
local b = async.spawn(function() sleep(0.01); for i = 1, 3 do log[#log + 1] = "b" .. i; sleep(0.02) end end)
log[#log + 1] = "main"
a:await(); b:await()
print(table.concat(log, " "))
`);
  assert.equal(r.out, 'main a1 b1 a2 b2 a3 b3\n');
});

test('a plain coroutine.yield in a task lets the others run and returns nothing', () => {
  const r = run('task-yield.lua', `
local log = {}
local a = async.spawn(function()
  local n = select("#", coroutine.yield(1, 2))
  log[#log + 1] = "a got " .. n
  return "done", n
end)
local b = async.spawn(function() log[#log + 1] = "b runs" end)
local t = a:await()
b:await()
print(table.concat(log, ", "), t[1], t[2])
`);
  assert.equal(r.err, '');
  assert.equal(r.out, 'b runs, a got 0\tdone\t0\n');
});

test('waiting inside a user coroutine inside a task, and awaiting one task from another', () => {
  const r = run('nested.lua', `
local inner = async.spawn(function() sleep(0.02) return "inner" end)
local outer = async.spawn(function()
  local gen = coroutine.wrap(function()
    sleep(0.01)
    coroutine.yield("from coroutine")
  end)
  local v = gen()
  return v, inner:await()[1]
end)
local t = outer:await()
print(t[1], t[2])
`);
  assert.equal(r.err, '');
  assert.equal(r.out, 'from coroutine\tinner\n');
});

test('spawn_interval runs after each interval until cancelled; an error stops it and is logged', () => {
  const r = run('interval.lua', `
local n = 0
local h = async.spawn_interval(0.02, function() n = n + 1 end)
sleep(0.11)
h:cancel()
local seen = n
sleep(0.06)
print(seen >= 2 and seen <= 5, n == seen)
local m = 0
async.spawn_interval(0.01, function() m = m + 1; if m == 2 then error("tick failed") end end)
sleep(0.08)
print(m)
print(pcall(async.spawn_interval, 0, function() end))
`);
  assert.equal(r.out, 'true\ttrue\n2\nfalse\tasync.spawn_interval: interval must be positive\n');
  assert.match(r.err, /async\.spawn_interval: callback error: interval\.lua:10: tick failed/);
});

test('sleep takes fractional seconds and rejects negative or NaN durations', () => {
  const r = run('sleeparg.lua', `
sleep(0.001)
print(pcall(sleep, -1))
print(pcall(sleep, 0/0))
print(pcall(sleep, "x"))
`);
  assert.equal(
    r.out,
    "false\tbad argument #1 to 'sleep' (duration must be a non-negative number)\n" +
      "false\tbad argument #1 to 'sleep' (duration must be a non-negative number)\n" +
      "false\tbad argument #1 to 'sleep' (number expected, got string)\n",
  );
});

test('awaiting a handle twice is an error even when the first await is the task itself', () => {
  const r = run('selfawait.lua', `
local h
h = async.spawn(function() return h:await() end)
sleep(0.01)
print(pcall(h.await, h))
`);
  assert.equal(r.out, 'false\tasync handle already awaited\n');
});

test('the program ends when the main chunk returns, even with tasks still waiting', () => {
  const r = run('pending.lua', `
async.spawn(function() sleep(30) print("never") end)
sleep(0.01)
print("done")
`);
  assert.equal(r.out, 'done\n');
  assert.ok(r.ms < 5000, `took ${r.ms} ms`);
});
