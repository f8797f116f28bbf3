local t = {}
for i = 1, 500 do t[i] = i % 7 end
table.sort(t)
print(t[1], t[71], t[72], t[500])
local c = 0
for i = 2, #t do if t[i - 1] > t[i] then c = c + 1 end end
print(c)
