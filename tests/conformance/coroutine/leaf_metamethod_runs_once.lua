-- a call-free function inside a coroutine calls each metamethod once, in order, even when
-- it computes and assigns its locals before and after
local log = {}
local mt = {
  __index = function(t, k) log[#log + 1] = "index " .. k; return #log end,
  __add = function(a, b) log[#log + 1] = "add"; return 100 end,
  __lt = function(a, b) log[#log + 1] = "lt"; return true end,
}
local obj = setmetatable({}, mt)
local function f(o, n)
  local a = n * 2
  local b = o.x
  a = a + b
  local c = o + a
  if o < o then c = c + o.y end
  return a, b, c
end
local co = coroutine.wrap(function()
  for i = 1, 3 do print(f(obj, i)) end
  return "end"
end)
print(co())
print(table.concat(log, ", "))
-- the same, yielding from the metamethods
log = {}
mt.__index = function(t, k) log[#log + 1] = "index " .. k; coroutine.yield(k); return #log end
mt.__add = function(a, b) log[#log + 1] = "add"; coroutine.yield("+"); return 100 end
local co2 = coroutine.wrap(function()
  for i = 1, 2 do print(f(obj, i)) end
  return "end"
end)
local r = co2()
while r ~= "end" do io.write(tostring(r), " "); r = co2() end
print()
print(table.concat(log, ", "))
-- functions that change an upvalue, a global or a table before a metamethod runs
local count = 0
local box = {n = 0}
local function bumpUp(o) count = count + 1; return o.x end
local function bumpField(o) box.n = box.n + 1; return o.x end
local function bumpGlobal(o) total = (total or 0) + 1; return o.x end
log = {}
local co3 = coroutine.wrap(function()
  for i = 1, 2 do print(bumpUp(obj), bumpField(obj), bumpGlobal(obj)) end
  return "end"
end)
r = co3()
while r ~= "end" do io.write(tostring(r), " "); r = co3() end
print()
print(count, box.n, total, table.concat(log, ", "))
