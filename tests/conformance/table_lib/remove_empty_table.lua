local t = {}
print(table.remove(t))
print(table.remove(t, 0))
print(table.remove(t, 1))
print(pcall(table.remove, t, 2))
print(pcall(table.remove, t, -1))
