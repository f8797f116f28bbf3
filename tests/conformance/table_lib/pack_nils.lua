local t = table.pack(nil, 2, nil)
print(t.n, t[1], t[2], t[3])
local u = table.pack(nil)
print(u.n, u[1])
