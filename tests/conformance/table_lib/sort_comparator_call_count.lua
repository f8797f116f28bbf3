local t = {}
for i = 1, 200 do t[i] = (i * 37) % 101 end
local calls = 0
table.sort(t, function(a, b) calls = calls + 1; return a < b end)
print(calls, t[1], t[100], t[200])
