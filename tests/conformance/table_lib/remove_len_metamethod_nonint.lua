local t = setmetatable({}, {__len = function() return nil end})
print(pcall(table.remove, t))
print(pcall(table.insert, t, 1))
