local t = {"a", "b", "c", "d"}
print(table.remove(t, 1))
print(table.concat(t, ","))
print(table.remove(t, 2))
print(table.concat(t, ","))
print(table.remove(t, #t))
print(table.concat(t, ","))
