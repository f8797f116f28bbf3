local t = {}
for i = 1, 10000 do t[i] = i end
print(select("#", table.unpack(t)))
local s = 0
for _, v in ipairs({table.unpack(t)}) do s = s + v end
print(s)
