local t = {}
t[1], t[1] = 1, 2
print(t[1])
local a = {}
local i = 1
i, a[i] = 2, "first"
print(i, a[1], a[2])
