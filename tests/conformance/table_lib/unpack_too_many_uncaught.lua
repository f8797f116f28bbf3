local t = {}
print(table.unpack(t, 1, 1e8))
