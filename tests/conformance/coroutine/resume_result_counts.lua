local co = coroutine.create(function(...)
  local n = select('#', coroutine.yield(...))
  n = select('#', coroutine.yield(n))
  return
end)
print(select('#', coroutine.resume(co)))
print(select('#', coroutine.resume(co, 1, 2)))
print(select('#', coroutine.resume(co)))
print(select('#', coroutine.resume(co)))
