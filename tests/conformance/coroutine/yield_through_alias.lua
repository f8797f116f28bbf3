-- coroutine.yield called through a value (a local alias, a table field, an argument) rather
-- than written as coroutine.yield(...)
local yield = coroutine.yield
local lib = {y = coroutine.yield}

local co = coroutine.wrap(function(a)
  local b, c = yield(a + 1)
  print("got", b, c)
  print("count", select("#", yield()))
  print("many", lib.y(1, nil, 3))
  local r = {yield(table.unpack({4, 5, 6}))}
  print("table", #r, r[1], r[2])
  return "end"
end)
print(co(1))
print(co("b", "c"))
print(co())
print(co(7, 8, 9))
print(co("x", "y"))

-- yield passed as a function and called from a helper, and as a metamethod
local function apply(f, ...) return f(...) end
local mt = {__index = yield, __add = lib.y}
local co2 = coroutine.wrap(function()
  local v = apply(yield, "applied")
  local t = setmetatable({}, mt)
  local w = t.key
  local s = t + 2
  return v, w, s
end)
local function show(...)
  local o = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    o[i] = type(v) == "table" and "{}" or tostring(v)
  end
  print(table.concat(o, " "))
end
show(co2())
show(co2("v"))
show(co2("w"))
show(co2("s"))

-- the body of a coroutine is yield itself
local wy = coroutine.wrap(yield)
print(wy(1, 2))
print(wy(3))
print(pcall(wy))
local cy = coroutine.create(yield)
print(coroutine.resume(cy, "a"))
print(coroutine.status(cy))
print(coroutine.resume(cy, "b", "c"))
print(coroutine.status(cy))

-- through pcall, and across pcall
local co3 = coroutine.create(function()
  print("pcall", pcall(yield, "in pcall"))
  print("pcall2", pcall(function() return yield("nested") end))
  return "done"
end)
print(coroutine.resume(co3))
print(coroutine.resume(co3, 1, 2))
print(coroutine.resume(co3, 3))

-- closing a coroutine suspended in an aliased yield runs its pending to-be-closed variables
local co4 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) print("closed", e) end})
  yield("suspended")
  print("not reached")
end)
print(coroutine.resume(co4))
print(coroutine.close(co4))
print(coroutine.status(co4))

-- errors: outside a coroutine, and across a C boundary
print(pcall(yield, 1))
print(coroutine.wrap(function() return pcall(table.sort, {3, 2, 1}, function(a, b) return yield(a) end) end)())
print(select(2, coroutine.resume(coroutine.create(function() string.gsub("ab", ".", yield) end))))
