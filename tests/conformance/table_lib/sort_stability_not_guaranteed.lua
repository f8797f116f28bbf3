local t = {}
for i = 1, 20 do t[i] = {k = i % 3, id = i} end
table.sort(t, function(a, b) return a.k < b.k end)
for i = 1, #t do io.write(t[i].k, ":", t[i].id, " ") end
print()
