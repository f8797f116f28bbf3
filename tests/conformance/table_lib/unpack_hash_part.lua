local t = {}
t[3] = 3; t[2] = 2; t[1] = 1
print(table.unpack(t))
print(table.unpack({[0] = 0, 1, 2}, 0))
