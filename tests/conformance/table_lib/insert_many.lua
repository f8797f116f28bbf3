local t = {}
for i = 1, 1000 do table.insert(t, i) end
for i = 1, 100 do table.insert(t, 1, -i) end
print(#t, t[1], t[100], t[101], t[1100])
local s = 0
for i = 1, #t do s = s + t[i] end
print(s)
