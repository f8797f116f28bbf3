local t = {1, 2, 3}
table.insert(t, nil)
print(#t)
table.insert(t, 1, nil)
print(t[1], t[2], t[3], t[4])
table.insert(t, 5, nil)
print(t[5])
