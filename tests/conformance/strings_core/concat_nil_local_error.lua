local x
print(pcall(function() return "a" .. x end))
local y
print(pcall(function() local z; return z .. "b" end))
