print(pcall(table.insert))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, "s", 1))
print(pcall(table.insert, 12, 1))
