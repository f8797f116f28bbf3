local co = coroutine.create(function()
  return xpcall(function()
    coroutine.yield(1)
    local t = nil
    return t.x
  end, function(m) return "H: " .. m end)
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
