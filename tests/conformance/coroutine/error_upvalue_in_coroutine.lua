local up
local co = coroutine.create(function()
  return #up
end)
print(coroutine.resume(co))
