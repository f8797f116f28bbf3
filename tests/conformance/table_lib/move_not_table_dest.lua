print(pcall(table.move, {1}, 1, 1, 1, "str"))
print(pcall(table.move, {1}, 1, 1, 1, 42))
