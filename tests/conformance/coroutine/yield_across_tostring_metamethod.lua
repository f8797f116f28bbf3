local obj = setmetatable({}, {__tostring = function()
  coroutine.yield("in tostring")
  return "obj"
end})
local co = coroutine.create(function() return tostring(obj) end)
print(coroutine.resume(co))
local co2 = coroutine.create(function() print(obj) end)
print(coroutine.resume(co2))
