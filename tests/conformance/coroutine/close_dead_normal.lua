local co = coroutine.create(function() return 1 end)
coroutine.resume(co)
print(coroutine.close(co))
print(coroutine.close(co))
