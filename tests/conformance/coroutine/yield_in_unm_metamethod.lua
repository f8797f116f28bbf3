local v = setmetatable({}, {__unm = function(x)
  local n = coroutine.yield("negating")
  return -n
end})
local co = coroutine.wrap(function()
  local r = -v
  return r + 1
end)
print(co())
print(co(5))
