local inner = coroutine.create(function(a)
  local b = coroutine.yield("inner got " .. a)
  return "inner finished with " .. b
end)
local outer = coroutine.create(function()
  local ok, v = coroutine.resume(inner, "x")
  print("outer:", ok, v)
  coroutine.yield("outer paused")
  ok, v = coroutine.resume(inner, "y")
  print("outer:", ok, v)
  return "outer done"
end)
print(coroutine.resume(outer))
print(coroutine.resume(outer))
