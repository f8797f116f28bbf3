local parts = {}
for c = 0, 0x3000, 7 do parts[#parts + 1] = c end
local s = utf8.char(table.unpack(parts))
print(#s, utf8.len(s), #parts)
local back = {utf8.codepoint(s, 1, -1)}
local same = #back == #parts
for i = 1, #parts do if back[i] ~= parts[i] then same = false end end
print(same)
