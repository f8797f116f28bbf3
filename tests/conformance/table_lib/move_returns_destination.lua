local a, b = {1}, {}
print(table.move(a, 1, 1, 1, b) == b, table.move(a, 1, 1, 1) == a)
print(table.move(a, 1, 1, 1, nil) == a)
