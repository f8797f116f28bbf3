local mt = {__lt = function() return 1 end, __le = function() return nil end}
local a = setmetatable({}, mt)
print(a < a, a <= a, a > a, a >= a)
