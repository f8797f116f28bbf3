local t = {[0] = "zero"}
print(table.remove(t))
print(t[0])
local u = {[0] = "z", n = 1}
print(table.remove(u, 0), u[0])
