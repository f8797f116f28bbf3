local f = coroutine.wrap(function() error("first", 0) end)
print(pcall(f))
print(pcall(f))
