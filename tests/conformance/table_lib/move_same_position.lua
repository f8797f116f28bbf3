local t = {1, 2, 3}
table.move(t, 1, 3, 1)
print(table.concat(t, ","))
