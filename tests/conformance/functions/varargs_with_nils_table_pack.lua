local t = table.pack(nil, 2, nil)
print(t.n, t[1], t[2], t[3])
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
