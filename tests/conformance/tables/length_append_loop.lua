local t = {}
for i = 1, 100 do t[#t + 1] = i end
print(#t, t[100])
for i = 100, 51, -1 do t[i] = nil end
print(#t)
