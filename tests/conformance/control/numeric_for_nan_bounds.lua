local nan = 0/0
local c1, c2 = 0, 0
for i = 1, nan do c1 = c1 + 1 end
for i = nan, 1 do c2 = c2 + 1 end
print(c1, c2)
