local mt = {__eq = function() return true end}
local a = setmetatable({1, 2, 3, 4}, mt)
local b = setmetatable({}, mt)
-- a == b through __eq: moved backwards as if into the same table
table.move(a, 1, 3, 2, b)
print(b[1], b[2], b[3], b[4])
