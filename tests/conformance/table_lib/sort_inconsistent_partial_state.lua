-- inconsistent comparators: whether the error is detected and the order left behind
-- are those of Lua's quicksort
for _, m in ipairs({2, 3, 4, 5}) do
  local t = {}
  for i = 1, 40 do t[i] = (i * 7) % 13 end
  local ok, e = pcall(table.sort, t, function(a, b) return a % m < b % 3 end)
  print(m, ok, e, table.concat(t, " "))
end
