local gen = coroutine.wrap(function()
  local i = 0
  while true do i = i + 1 coroutine.yield(i) end
end)
local co = coroutine.create(function()
  local calls = 0
  table.sort({3, 1, 2}, function(a, b) calls = gen() return a < b end)
  return calls > 0
end)
print(coroutine.resume(co))
