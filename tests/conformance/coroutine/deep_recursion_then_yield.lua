local function rec(n)
  if n == 0 then
    local v = coroutine.yield("at bottom")
    return v
  end
  return 1 + rec(n - 1)
end
local co = coroutine.create(function() return rec(10000) end)
print(coroutine.resume(co))
print(coroutine.resume(co, 0))
