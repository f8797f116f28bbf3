local t = {}
local f, s, i = pairs(t)
print(f == next, s == t, i)
