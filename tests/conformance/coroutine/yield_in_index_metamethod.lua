local t = setmetatable({}, {__index = function(t, k)
  return coroutine.yield("index " .. k)
end})
local co = coroutine.wrap(function()
  local v = t.foo
  return "got " .. v
end)
print(co())
print(co("bar"))
