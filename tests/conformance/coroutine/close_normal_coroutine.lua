local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    print(pcall(coroutine.close, outer))
  end)
  coroutine.resume(inner)
end)
coroutine.resume(outer)
