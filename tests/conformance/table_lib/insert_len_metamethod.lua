local t = setmetatable({}, {__len = function() return 10 end})
table.insert(t, "x")
print(t[11], rawlen(t))
