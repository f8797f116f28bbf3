local co = coroutine.create(function()
  for i = 1, 4 do
    print("yield got", select('#', coroutine.yield()))
  end
end)
coroutine.resume(co)
coroutine.resume(co)
coroutine.resume(co, nil)
coroutine.resume(co, nil, nil)
coroutine.resume(co, 1, nil, 3, nil, nil)
