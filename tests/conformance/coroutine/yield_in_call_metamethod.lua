local callable = setmetatable({}, {__call = function(self, a, b)
  local c = coroutine.yield("called with", a, b)
  return a + b + c
end})
local co = coroutine.wrap(function()
  return "sum", callable(1, 2)
end)
print(co())
print(co(3))
