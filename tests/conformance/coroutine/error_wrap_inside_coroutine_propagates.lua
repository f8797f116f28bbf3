local outer = coroutine.create(function()
  local inner = coroutine.wrap(function() error("inner via wrap") end)
  inner()
  return "not reached"
end)
print(coroutine.resume(outer))
print(coroutine.status(outer))
