local t = setmetatable({"a", "b", "c"}, {__len = function() return 2.0 end})
print(table.unpack(t))
local u = setmetatable({"a"}, {__len = function() return 1.5 end})
print(pcall(table.unpack, u))
