local co
co = coroutine.create(function()
  print(coroutine.resume(co))
  return "after"
end)
print(coroutine.resume(co))
