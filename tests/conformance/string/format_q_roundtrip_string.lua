local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local q = string.format("%q", all)
print(load("return " .. q)() == all, #q)
