local t = {1, 2, 3}
print(table.remove(t, 4))
print(#t)
