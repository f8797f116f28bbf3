local co = coroutine.create(function()
  print(pcall(coroutine.yield, "yield via pcall directly"))
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "a", "b"))
