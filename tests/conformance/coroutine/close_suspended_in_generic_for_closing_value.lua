local closer = setmetatable({}, {__close = function(_, e) print("for closing value closed", e) end})
local co = coroutine.create(function()
  for i in function(_, c) c = (c or 0) + 1 if c <= 3 then return c end end, nil, nil, closer do
    coroutine.yield(i)
  end
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.close(co))
