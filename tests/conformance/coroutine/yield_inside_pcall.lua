local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("inside pcall")
    return x * 2
  end)
  print("pcall returned", ok, v)
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 21))
