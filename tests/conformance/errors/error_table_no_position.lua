local t = {}
local ok, e = pcall(error, t)
print(ok, e == t)
local ok2, e2 = pcall(function() error(t, 2) end)
print(ok2, e2 == t)
