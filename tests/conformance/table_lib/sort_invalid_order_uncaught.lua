local t = {}
for i = 1, 50 do t[i] = i % 3 end
table.sort(t, function(a, b) return a <= b end)
