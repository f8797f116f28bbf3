local mt = getmetatable("")
print(type(mt), mt.__index == string)
print(("abc"):upper(), ("%d"):format(5))
local s = "x"
print(type(s.len), s.len == string.len)
