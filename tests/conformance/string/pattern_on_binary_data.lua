local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
print(all:find("\255"), all:find("[\200-\210]+"))
print(select(2, all:gsub("[%z\1-\31]", "")))
