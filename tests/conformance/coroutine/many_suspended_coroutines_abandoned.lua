local n = 0
for i = 1, 20000 do
  local co = coroutine.wrap(function() coroutine.yield(i) coroutine.yield(i * 2) end)
  if co() == i then n = n + 1 end
end
collectgarbage()
print(n)
