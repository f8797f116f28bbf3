local t = {}
t[1] = 1; t[1.0] = 2; t["1"] = 3
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t[1], t["1"])
