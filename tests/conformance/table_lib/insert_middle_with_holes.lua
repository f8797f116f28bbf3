local t = {1, 2, 3, 4}
t[2] = nil
table.insert(t, 2, "x")
print(t[1], t[2], t[3], t[4], t[5])
