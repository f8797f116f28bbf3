local mt = {__lt = function(a, b) return true end}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
print(a < b)
print(pcall(function() return a <= b end))
