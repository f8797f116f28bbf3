local co = coroutine.create(function() error(nil) end)
print(coroutine.resume(co))
print(select('#', coroutine.resume(coroutine.create(function() error() end))))
