-- 10,000,000 resume/yield pairs between the main coroutine and one coroutine.
local co = coroutine.wrap(function(x)
  while true do x = coroutine.yield(x + 1) end
end)
local v = 0
for _ = 1, tonumber(arg and arg[1]) or 10000000 do v = co(v) end
print(v)
