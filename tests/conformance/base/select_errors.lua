print(pcall(select, 'x'))
print(pcall(select, 0))
print(pcall(select, -2, "a"))
