local f = coroutine.wrap(function()
  error("boom")
end)
print(pcall(f))
