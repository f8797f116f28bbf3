math.randomseed(11)
local t = {}
for i = 1, 50000 do t[i] = math.random() end
table.sort(t, function(a, b) return a > b end)
local ok = true
for i = 2, #t do if t[i - 1] < t[i] then ok = false end end
print(ok)
