local s = string.rep("abc", 10000) .. "X"
local r = s:reverse()
print(#r, r:sub(1, 4), r:sub(-3))
print(r:reverse() == s)
