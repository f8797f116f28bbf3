local handle
local f = coroutine.wrap(function()
  handle = coroutine.running()
  local x <close> = setmetatable({}, {__close = function() print("closed wrapped") end})
  coroutine.yield(1)
end)
print(f())
print(coroutine.close(handle))
print(pcall(f))
