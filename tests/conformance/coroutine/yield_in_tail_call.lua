local function tail(n)
  if n == 0 then return coroutine.yield("bottom") end
  return tail(n - 1)
end
local co = coroutine.create(function() return tail(100) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "returned through tail calls"))
print(coroutine.status(co))
