local f = coroutine.wrap(function() error("wrapped", 0) end)
print(xpcall(f, function(m) return "handler: " .. tostring(m) end))
