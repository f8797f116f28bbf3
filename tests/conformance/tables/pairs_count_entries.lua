local t = {1, 2, 3, x = 1, y = 2, [10] = 3, [2.5] = 4}
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
