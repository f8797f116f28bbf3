local a, b = {}, {}
for i = 1, 1000 do a[i] = i; b[i] = 1001 - i end
table.sort(a); table.sort(b)
local ok = true
for i = 1, 1000 do if a[i] ~= i or b[i] ~= i then ok = false end end
print(ok)
