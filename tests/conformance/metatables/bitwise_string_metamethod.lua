local mt = {__band = function(a, b) return "band mm" end}
local v = setmetatable({}, mt)
print("3" & v)
