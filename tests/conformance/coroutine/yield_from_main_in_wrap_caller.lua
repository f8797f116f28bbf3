local f = coroutine.wrap(function() return coroutine.yield end)
local y = f()
print(y == coroutine.yield)
print(pcall(y, "main"))
