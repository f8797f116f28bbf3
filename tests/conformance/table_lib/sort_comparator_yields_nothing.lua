local t = {3, 1, 2}
table.sort(t, function(a, b) end)
print(table.concat(t, " "))
