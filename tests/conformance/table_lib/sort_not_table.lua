print(pcall(table.sort))
print(pcall(table.sort, nil))
print(pcall(table.sort, "abc"))
