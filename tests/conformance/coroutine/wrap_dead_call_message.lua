local f = coroutine.wrap(function() return "only once" end)
print(f())
print(pcall(f))
print(pcall(f))
