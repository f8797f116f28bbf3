local a = 1
local b = {}
print(pcall(function() return a + b end))
print(pcall(function() return b + a end))
