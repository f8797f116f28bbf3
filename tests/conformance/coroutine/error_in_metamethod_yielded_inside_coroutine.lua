local t = setmetatable({}, {__index = function(_, k)
  local v = coroutine.yield(k)
  if not v then error("no value for " .. k) end
  return v
end})
local co = coroutine.create(function() return t.a, t.b end)
print(coroutine.resume(co))
print(coroutine.resume(co, 1))
print(coroutine.resume(co, false))
