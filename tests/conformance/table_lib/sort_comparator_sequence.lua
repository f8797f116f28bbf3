local t = {4, 1, 3, 2, 5}
local seen = {}
table.sort(t, function(a, b) seen[#seen + 1] = a .. "<" .. b; return a < b end)
print(table.concat(seen, " "))
print(table.concat(t, " "))
