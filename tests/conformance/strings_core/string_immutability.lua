local s = "abc"
local u = s
s = s .. "d"
print(s, u)
