local f = coroutine.wrap(function() end)
f()
print("first call ok")
f()
