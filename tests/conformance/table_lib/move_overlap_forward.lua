local t = {1, 2, 3, 4, 5}
table.move(t, 1, 4, 2)
print(table.concat(t, ","))
