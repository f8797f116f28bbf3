print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, true}))
print(pcall(table.sort, {3, nil, 1}))
