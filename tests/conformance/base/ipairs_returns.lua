local t = {}
local f, s, i = ipairs(t)
print(type(f), s == t, i)
print(f(t, 0))
print(f({"x"}, 0))
