local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local g = all:gsub("%G", "")
print(#g, g:sub(1, 5), g:sub(-5))
