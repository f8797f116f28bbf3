math.randomseed(77)
local lo, hi = 1, 0
for i = 1, 10000 do
  local r = math.random()
  if r < lo then lo = r end
  if r > hi then hi = r end
end
print(lo >= 0, hi < 1, math.type(math.random()))
