local n = 0
for i = 1, 100000 do
  local co = coroutine.create(function(x) return x + 1 end)
  local ok, v = coroutine.resume(co, i)
  if ok and v == i + 1 then n = n + 1 end
end
print(n)
