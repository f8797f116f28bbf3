local a = {1, 2, 3}
local b = {"x", "y"}
local r = table.move(a, 1, 3, 3, b)
print(r == b, table.concat(b, ","))
print(table.concat(a, ","))
