local t = {1, 2, 3, 4, 5}
table.move(t, 2, 5, 1)
print(table.concat(t, ","))
