local calls = 0
local mt = {__eq = function() calls = calls + 1; return true end}
local a = setmetatable({}, mt)
print(a == a, a == 1, a == "x", a == nil)
print(calls)
