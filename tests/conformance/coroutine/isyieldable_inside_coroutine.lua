local co = coroutine.create(function()
  print("inside", coroutine.isyieldable())
  local function deeper() return coroutine.isyieldable() end
  print("deeper", deeper())
end)
coroutine.resume(co)
print("outside", coroutine.isyieldable())
