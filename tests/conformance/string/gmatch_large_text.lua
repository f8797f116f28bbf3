local t = {}
for i = 1, 20000 do t[#t + 1] = "w" .. i end
local text = table.concat(t, " ")
local n, sum = 0, 0
for d in text:gmatch("%d+") do n = n + 1; sum = sum + tonumber(d) end
print(n, sum)
