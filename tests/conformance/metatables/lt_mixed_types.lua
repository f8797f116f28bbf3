local mt = {__lt = function(a, b) return "mixed" end}
local a = setmetatable({}, mt)
print(a < 1, 1 < a, "x" < a)
