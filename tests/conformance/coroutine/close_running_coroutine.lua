local co
co = coroutine.create(function()
  print(pcall(coroutine.close, co))
end)
coroutine.resume(co)
