local co
co = coroutine.create(function()
  local me, ismain = coroutine.running()
  print(type(me), ismain, me == co)
end)
coroutine.resume(co)
