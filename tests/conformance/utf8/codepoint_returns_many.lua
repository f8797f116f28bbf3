local t = {}
for i = 1, 3000 do t[i] = 0x4E00 + i end
local s = utf8.char(table.unpack(t))
print(select("#", utf8.codepoint(s, 1, -1)))
