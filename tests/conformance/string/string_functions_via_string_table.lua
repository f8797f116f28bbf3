local s = "Hello"
print(string.upper(s), s.upper(s), ("x"):rep(3), #s)
local f = s.sub
print(f(s, 2, 3))
