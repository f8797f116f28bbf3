local gen = coroutine.wrap(function()
  coroutine.yield(1)
  coroutine.yield(2)
  coroutine.yield(nil)
  coroutine.yield(4)
end)
for v in gen do print(v) end
print("next after loop:", gen())
