local t = setmetatable({5, 4, 3, 2, 1}, {__len = function() return 3 end})
table.sort(t)
print(table.concat(t, " ", 1, 5))
