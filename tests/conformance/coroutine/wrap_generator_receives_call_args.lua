local acc = coroutine.wrap(function(first)
  local sum = first
  while true do
    local n = coroutine.yield(sum)
    sum = sum + n
  end
end)
print(acc(1))
print(acc(2))
print(acc(3))
print(acc(-6))
