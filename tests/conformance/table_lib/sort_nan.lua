local nan = 0/0
local t = {3, nan, 1, 2}
local ok, e = pcall(table.sort, t)
print(ok, e)
for i = 1, 4 do io.write(tostring(t[i]), " ") end
print()
