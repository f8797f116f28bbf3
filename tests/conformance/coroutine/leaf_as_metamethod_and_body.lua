-- call-free functions as metamethods and as coroutine bodies
local V = {}
V.__lt = function(a, b) return a.v < b.v end
V.__index = function(t, k) return k == "double" and t.v * 2 or nil end
V.__add = function(a, b) return a.v + b.v end
local function new(v) return setmetatable({v = v}, V) end
local co = coroutine.wrap(function()
  local a, b = new(1), new(2)
  coroutine.yield(a < b, b < a, a.double, a + b)
  -- the compared values' fields yield in turn
  local y = setmetatable({}, {__index = function(t, k) return coroutine.yield("v?") end})
  local c = setmetatable({v = nil}, V)
  setmetatable(c, {__lt = V.__lt, __index = function(t, k) return coroutine.yield("c." .. k) end})
  return c < b
end)
print(co())
print(co())
print(co(0))
-- a body with no calls
print(coroutine.wrap(function(a, b) return a + b, a .. b end)(1, 2))
local body = coroutine.create(function(t) return t.x end)
print(coroutine.resume(body, setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end})))
print(coroutine.resume(body, "resumed"))
print(coroutine.status(body))
print(coroutine.resume(coroutine.create(function(...) return select("#", ...), ... end), 1, nil, 3))
print(coroutine.resume(coroutine.create(function(...) local a, b = ... ; return b, a end), 1, 2))
