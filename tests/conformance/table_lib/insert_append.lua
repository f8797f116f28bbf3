local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 3)
print(#t, t[1], t[2], t[3])
