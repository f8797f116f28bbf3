local co = coroutine.create(function()
  return xpcall(function() error("e", 0) end, function(m)
    coroutine.yield("in handler")
    return "handled " .. m
  end)
end)
print(coroutine.resume(co))
