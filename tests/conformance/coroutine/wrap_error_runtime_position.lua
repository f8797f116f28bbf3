local f = coroutine.wrap(function()
  local t = nil
  coroutine.yield(1)
  return t.x
end)
print(f())
print(pcall(f))
