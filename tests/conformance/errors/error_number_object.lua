local ok, e = pcall(error, 42)
print(ok, e, math.type(e))
local ok2, e2 = pcall(function() error(3.5) end)
print(ok2, e2, type(e2))
