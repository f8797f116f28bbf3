local t = {"b", "c", "a"}
local n = 0
table.sort(t, function(x, y) n = n + 1; return x < y end)
print(table.concat(t), n > 0)
