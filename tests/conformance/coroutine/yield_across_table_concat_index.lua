local mt = {__index = function(t, i) return coroutine.yield(i) end}
local co = coroutine.create(function()
  local t = setmetatable({}, mt)
  return table.concat(t, ",", 1, 2)
end)
print(coroutine.resume(co))
