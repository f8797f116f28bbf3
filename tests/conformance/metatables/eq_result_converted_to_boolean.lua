local mt = {__eq = function() return "yes" end}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
print(a == b, a ~= b)
local mt2 = {__eq = function() return nil end}
print(setmetatable({}, mt2) == setmetatable({}, mt2))
