local mt = {__bor = function(a, b) return "mm" end}
local v = setmetatable({}, mt)
print(v | 1.5)
print(pcall(function() return 1.5 | 1 end))
