-- an inconsistent comparator that does not trip the check: the result is the one
-- Lua's quicksort produces
local t = {}
for i = 1, 30 do t[i] = (i * 7) % 11 end
local calls = 0
table.sort(t, function(a, b)
  calls = calls + 1
  return (a + calls) % 3 == 0
end)
print(table.concat(t, " "))
print(calls)
