local t = {}
for i = 1, 10000 do t[i] = i % 10 end
local s = table.concat(t)
print(#s)
print(#table.concat(t, ", "))
