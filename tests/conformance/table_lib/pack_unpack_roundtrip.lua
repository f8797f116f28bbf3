local t = table.pack(1, nil, 3)
print(table.unpack(t, 1, t.n))
print(select("#", table.unpack(t, 1, t.n)))
