local t = {}
for i = 1, 100000 do t[i] = i end
local u = table.move(t, 1, #t, 1, {})
print(#u, u[1], u[100000])
table.move(t, 1, 50000, 50001)
print(t[50000], t[50001], t[100000], #t)
