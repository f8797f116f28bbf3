local t = setmetatable({}, {__index = function(_, k) return k * 2 end, __len = function() return 4 end})
print(table.unpack(t))
print(table.unpack(t, 3, 6))
