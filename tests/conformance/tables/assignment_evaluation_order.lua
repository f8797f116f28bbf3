local i = 1
local t = {}
i, t[i] = i + 1, "x"
print(i, t[1], t[2])
