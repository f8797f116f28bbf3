local t = table.pack(table.unpack({}, 1, 250))
print(t.n)
local u = {}
for i = 1, 200 do u[i] = i end
local p = table.pack(table.unpack(u))
print(p.n, p[200])
