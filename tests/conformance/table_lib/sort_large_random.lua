math.randomseed(7)
local t = {}
for i = 1, 100000 do t[i] = math.random(1, 1000000) end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[50000], t[100000])
