local n = 3
local count = 0
for i = 1, n do n = n + 1; count = count + 1 end
print(count)
