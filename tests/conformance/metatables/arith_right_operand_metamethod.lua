local mt = {__add = function(a, b) return "right mt used" end}
local v = setmetatable({}, mt)
print(5 + v, "str" + v)
