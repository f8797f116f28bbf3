local f = coroutine.wrap(function(t)
  return t.x.y
end)
print(pcall(function()
  return f({})
end))
