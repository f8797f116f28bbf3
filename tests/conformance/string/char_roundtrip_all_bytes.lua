local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local s = table.concat(t)
print(#s)
local ok = true
for i = 0, 255 do if s:byte(i + 1) ~= i then ok = false end end
print(ok)
