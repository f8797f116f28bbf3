print(pcall(table.concat, {1, 2, 3}, ",", 1, 5))
print(pcall(table.concat, {}, ",", 1, 1))
print(pcall(table.concat, {n = 1}, "", 0, 0))
