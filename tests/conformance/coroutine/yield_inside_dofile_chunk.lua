local co = coroutine.create(function()
  local r = dofile("yield_inside_dofile_chunk.data")
  return "dofile returned", r
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 5))
