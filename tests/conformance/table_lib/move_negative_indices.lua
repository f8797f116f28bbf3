local t = {[-2] = "a", [-1] = "b", [0] = "c", "d"}
local u = table.move(t, -2, 1, 1, {})
print(table.concat(u, ","))
