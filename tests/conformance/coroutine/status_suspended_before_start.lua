local co = coroutine.create(function() end)
print(coroutine.status(co))
