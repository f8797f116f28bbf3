local co = coroutine.create(function(n)
  local total = 0
  while n do
    total = total + n
    n = coroutine.yield(total)
  end
  return "final", total
end)
for _, v in ipairs({1, 2, 3, 4}) do
  print(coroutine.resume(co, v))
end
print(coroutine.resume(co, nil))
print(coroutine.resume(co))
