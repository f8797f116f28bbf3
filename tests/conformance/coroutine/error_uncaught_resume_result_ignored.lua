local co = coroutine.create(function() error("ignored error") end)
coroutine.resume(co)
print("main continues", coroutine.status(co))
