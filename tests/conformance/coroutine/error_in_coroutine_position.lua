local co = coroutine.create(function()
  local x = 1
  error("boom")
end)
print(coroutine.resume(co))
