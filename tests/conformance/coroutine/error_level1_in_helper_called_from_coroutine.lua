local function helper()
  error("helper failed")
end
local co = coroutine.create(function()
  coroutine.yield()
  helper()
end)
coroutine.resume(co)
print(coroutine.resume(co))
