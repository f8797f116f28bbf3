local mt = {__le = function(a, b) return a.v <= b.v end}
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 1}, mt)
print(a <= b, a >= b)
