local co = coroutine.create(function()
  local count
  return count + 1
end)
print(coroutine.resume(co))
