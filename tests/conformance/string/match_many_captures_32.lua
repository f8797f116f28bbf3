local p = string.rep("(.)", 32)
local s = string.rep("x", 32)
print(select("#", s:match(p)))
print(pcall(string.match, s .. "x", p .. "(.)"))
