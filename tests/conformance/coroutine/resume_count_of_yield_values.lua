local co = coroutine.create(function()
  coroutine.yield()
  coroutine.yield(nil)
  coroutine.yield(nil, nil, nil)
  return nil, nil
end)
for i = 1, 5 do
  print(i, select('#', coroutine.resume(co)))
end
