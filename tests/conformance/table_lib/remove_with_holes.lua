local t = {1, 2, 3, 4, 5}
t[4] = nil
print(table.remove(t, 2))
print(t[1], t[2], t[3], t[4], t[5], #t)
local u = {1, 2, 3}
u[2] = nil
print(table.remove(u, 1), u[1], u[2], u[3], #u)
