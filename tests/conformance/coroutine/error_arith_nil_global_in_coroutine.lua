local co = coroutine.create(function()
  coroutine.yield()
  return undefinedvar * 2
end)
coroutine.resume(co)
print(coroutine.resume(co))
