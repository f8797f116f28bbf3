local t = {3, 1, 2}
table.sort(t, nil)
print(table.concat(t, ","))
