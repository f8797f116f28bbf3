local t = {1, 2, 3}
local r = table.move(t, 3, 2, 1)
print(r == t, table.concat(t, ","))
print(table.move({}, 1, 0, 1) ~= nil)
