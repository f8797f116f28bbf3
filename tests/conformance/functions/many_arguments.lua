local function count(...) return select('#', ...) end
local t = {}
for i = 1, 200 do t[i] = i end
print(count(table.unpack(t)))
