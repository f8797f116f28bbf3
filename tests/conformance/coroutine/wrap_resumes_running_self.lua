local f
f = coroutine.wrap(function()
  print(pcall(f))
  return "ok"
end)
print(f())
