local co = coroutine.create(function()
  coroutine.yield("ok")
  local x = nil
  return x.field
end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.status(co))
