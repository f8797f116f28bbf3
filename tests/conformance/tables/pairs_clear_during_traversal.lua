local t = {}
for i = 1, 10 do t["k" .. i] = i end
local n, sum = 0, 0
for k, v in pairs(t) do
  t[k] = nil
  n = n + 1
  sum = sum + v
end
print(n, sum, next(t))
