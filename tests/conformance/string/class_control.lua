local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local c = all:gsub("%C", "")
print(#c, c:byte(1, -1))
