local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    print("inner sees outer", coroutine.status(outer))
    print(coroutine.resume(outer))
  end)
  print(coroutine.resume(inner))
end)
print(coroutine.resume(outer))
