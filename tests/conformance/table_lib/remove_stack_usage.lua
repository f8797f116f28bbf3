local stack = {}
for i = 1, 5 do table.insert(stack, i * i) end
local s = {}
while #stack > 0 do s[#s + 1] = table.remove(stack) end
print(table.concat(s, " "))
