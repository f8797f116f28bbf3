math.randomseed(5)
local counts = {0, 0, 0, 0, 0, 0}
for i = 1, 6000 do
  local r = math.random(6)
  counts[r] = counts[r] + 1
end
print(table.concat(counts, " "))
