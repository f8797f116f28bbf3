local mt = {__eq = function(a, b) return coroutine.yield("eq?") end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r1 = a == b
  local r2 = a ~= b
  return r1, r2
end)
print(co())
print(co(1))
print(co(nil))
