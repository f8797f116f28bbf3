local t = {1, nil, 3}
print(table.unpack(t, 1, 3))
local u = {}
u[1], u[3] = "a", "c"
print(table.unpack(u, 1, 3))
