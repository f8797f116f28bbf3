local co = coroutine.wrap(function()
  for i = 10, 1, -3 do coroutine.yield(i) end
  for x = 0.5, 1.5, 0.5 do coroutine.yield(x) end
  return "end"
end)
for _ = 1, 8 do io.write(tostring(co()), " ") end
print()
