local co = coroutine.create(function()
  local t = setmetatable({}, {__newindex = function(t, k, v) coroutine.yield("ni") rawset(t, k, v) end})
  table.insert(t, "v")
  return #t
end)
print(coroutine.resume(co))
