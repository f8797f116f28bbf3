local results = {}
for i = 1, 3 do
  local ok = pcall(function() if i == 2 then error("x") end end)
  results[#results + 1] = tostring(ok)
end
print(table.concat(results, " "))
