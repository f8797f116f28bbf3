local co = coroutine.create(function()
  local seen
  table.sort({3, 1, 2}, function(a, b)
    seen = coroutine.isyieldable()
    return a < b
  end)
  print("in comparator", seen)
  print("after sort", coroutine.isyieldable())
end)
coroutine.resume(co)
