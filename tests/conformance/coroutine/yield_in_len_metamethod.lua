local t = setmetatable({}, {__len = function() return coroutine.yield("len?") end})
local co = coroutine.wrap(function()
  return "length is", #t
end)
print(co())
print(co(99))
