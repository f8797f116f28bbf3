local t = {1, 2, 3, 4, 5}
local r = table.move(t, 2, 4, 1)
print(r == t, table.concat(t, ","))
