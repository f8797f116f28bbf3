local f = coroutine.wrap(function() end)
print(pcall(coroutine.resume, f))
print(pcall(coroutine.status, f))
