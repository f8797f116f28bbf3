print(pcall(select, 0))
print(pcall(select, 0, 1, 2))
