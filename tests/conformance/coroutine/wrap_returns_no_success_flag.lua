local f = coroutine.wrap(function() coroutine.yield() return nil end)
print(select('#', f()))
print(select('#', f()))
