local t = {1, 2, 3, 4, 5}
print(table.unpack(t, 2))
print(table.unpack(t, 2, 3))
print(table.unpack(t, 4, 8))
print(select("#", table.unpack(t, 3, 2)))
print(table.unpack(t, -1, 1))
print(table.unpack(t, nil, 2))
