local co = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b)
    coroutine.yield("cmp")
    return a < b
  end)
end)
print(coroutine.resume(co))
print(coroutine.status(co))
