local co = coroutine.create(function() end)
print(select('#', coroutine.resume(co)))
print(coroutine.status(co))
