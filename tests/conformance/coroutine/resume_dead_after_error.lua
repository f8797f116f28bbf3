local co = coroutine.create(function() error("boom") end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co))
