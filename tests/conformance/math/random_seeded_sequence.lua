math.randomseed(42)
local t = {}
for i = 1, 30 do t[i] = math.random(1, 100) end
print(table.concat(t, " "))
