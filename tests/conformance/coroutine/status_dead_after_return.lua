local co = coroutine.create(function() return 1, 2 end)
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.status(co))
