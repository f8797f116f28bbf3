local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b, c = setmetatable({v = 2}, mt), setmetatable({v = 5}, mt), setmetatable({v = 1}, mt)
print(math.max(a, b, c).v, math.min(a, b, c).v)
