local t = {"a", "b"}
t[4] = "d"
print(table.concat(t, ",", 1, 2))
print(table.concat(t, ",", 1, 4))
