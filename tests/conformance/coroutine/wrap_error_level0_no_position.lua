local f = coroutine.wrap(function()
  error("plain", 0)
end)
print(pcall(f))
