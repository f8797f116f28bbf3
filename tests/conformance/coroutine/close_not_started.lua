local co = coroutine.create(function() print("never runs") end)
print(coroutine.close(co))
print(coroutine.status(co))
print(coroutine.resume(co))
