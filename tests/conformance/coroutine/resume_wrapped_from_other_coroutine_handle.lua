local h
local f = coroutine.wrap(function()
  h = coroutine.running()
  coroutine.yield("via wrap")
  coroutine.yield("second")
  return "third"
end)
print(f())
print(coroutine.resume(h))
print(f())
print(pcall(f))
