local mt = {__concat = function(a, b) return "C" end}
local v = setmetatable({}, mt)
print(1 .. v, v .. 2)
