local t = {}
local r = rawset(t, 1, "x")
print(r == t, t[1])
