local co
co = coroutine.create(function()
  print(pcall(function() return coroutine.status(co) end))
  print(pcall(coroutine.status, co))
end)
coroutine.resume(co)
