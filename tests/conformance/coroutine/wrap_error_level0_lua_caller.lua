local f = coroutine.wrap(function()
  error("plain", 0)
end)
print(pcall(function()
  local x = f()
  return x
end))
