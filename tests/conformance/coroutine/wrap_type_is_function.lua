local f = coroutine.wrap(function() end)
print(type(f))
print(type(coroutine.create(function() end)))
