local t = {3, 1, 2}
table.sort(t, function(a, b) return a < b, "extra" end)
print(table.concat(t, " "))
table.sort(t, function(a, b) if a > b then return 1 end end)
print(table.concat(t, " "))
