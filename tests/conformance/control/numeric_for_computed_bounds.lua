-- numeric for loops whose bounds are computed: counters that cross 2^53, starts taken
-- from another loop's counter, bounds held in assigned locals
local base = 9007199254740990
for i = base, base + 2 do
  for j = i + 1, i + 2 do print(i, j, j - i, math.type(j)) end
end
local lo, hi = 0, 0
lo = 17 % 5
hi = 100 % 13
for k = lo, hi, 3 do io.write(k, " ") end
print()
for k = hi, lo, -2 do io.write(k, " ") end
print()
local n = 3
n = n * 2
for i = 1, n do
  for j = i + 1, n do io.write(i * j % 7, " ") end
end
print()
local f = 0.5
f = f * 3
for x = f, 4 do io.write(x, " ") end
print()
for x = 1, f + 1 do io.write(x, " ") end
print()
