local mt = {
  __lt = function(a, b) return coroutine.yield("lt") end,
  __le = function(a, b) return coroutine.yield("le") end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function()
  return a < b, a <= b, a > b, a >= b
end)
print(co())
print(co(true))
print(co(false))
print(co("yes"))
print(co(nil))
