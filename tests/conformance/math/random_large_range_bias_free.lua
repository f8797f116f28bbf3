math.randomseed(8)
local n = 0
for i = 1, 1000 do
  local r = math.random(0, (1 << 62) + 1)
  if r >= 0 and r <= (1 << 62) + 1 then n = n + 1 end
end
print(n, math.random(0, (1 << 62) + 1))
