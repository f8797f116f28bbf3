local co = coroutine.create(function()
  local ok, e = pcall(table.sort, {2, 1}, function(a, b) coroutine.yield() return a < b end)
  print("caught:", ok, e)
  coroutine.yield("still yieldable")
  return "end"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
