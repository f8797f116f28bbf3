local obj = {}
local f = coroutine.wrap(function() error(obj) end)
local ok, e = pcall(function() f() end)
print(ok, e == obj)
local g = coroutine.wrap(function() error(7) end)
print(pcall(function() g() end))
