-- NaN makes `<` inconsistent; the order left behind is the one Lua's quicksort gives
local nan = 0/0
local t = {3, nan, 1, 2}
local ok, e = pcall(table.sort, t)
print(ok, e)
for i = 1, 4 do io.write(t[i] ~= t[i] and "NaN" or tostring(t[i]), " ") end
print()
local u = {5, nan, 4, nan, 3, 2, nan, 1, 0, 9, 8, 7, 6}
print(pcall(table.sort, u))
for i = 1, #u do io.write(u[i] ~= u[i] and "NaN" or tostring(u[i]), " ") end
print()
