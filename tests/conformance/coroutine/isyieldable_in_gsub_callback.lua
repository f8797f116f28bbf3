local co = coroutine.create(function()
  local r
  string.gsub("x", "x", function() r = coroutine.isyieldable() end)
  print("in gsub callback", r)
end)
coroutine.resume(co)
