local function rec(n)
  if n == 0 then return 0 end
  coroutine.yield(n)
  return rec(n - 1) + 1
end
local co = coroutine.create(function() return rec(2000) end)
local count, last = 0
while true do
  local ok, v = coroutine.resume(co)
  if coroutine.status(co) == "dead" then last = v break end
  count = count + 1
end
print(count, last)
