local t = {}
for i = 1, 50000 do t[#t + 1] = "item" .. i end
local text = table.concat(t, ",")
local r, n = text:gsub("%d+", function(d) return #d end)
print(#text, #r, n)
local r2, n2 = text:gsub(",", ";")
print(#r2, n2, r2:sub(1, 20))
