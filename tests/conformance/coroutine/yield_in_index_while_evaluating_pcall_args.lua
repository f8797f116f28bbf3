local co = coroutine.create(function()
  local t = setmetatable({}, {__index = function(_, k)
    return select(2, pcall(string.format, "%s", coroutine.yield(k)))
  end})
  return t.name
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "value"))
