local co = coroutine.create(function()
  local obj = {}
  obj.method()
end)
print(coroutine.resume(co))
