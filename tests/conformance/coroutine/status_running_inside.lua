local co
co = coroutine.create(function()
  print("inside", coroutine.status(co))
end)
coroutine.resume(co)
print("after", coroutine.status(co))
