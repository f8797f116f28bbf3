local co = coroutine.wrap(function()
  local t = {5, 3, 1, 4}
  table.sort(t, function(a, b) return a < b end)
  coroutine.yield(table.concat(t, ","))
  return "ok"
end)
print(co())
print(co())
