local co = coroutine.create(function()
  coroutine.yield("y")
  return 10, nil, 30, nil
end)
print(coroutine.resume(co))
print(select('#', coroutine.resume(co)))
print(coroutine.status(co))
