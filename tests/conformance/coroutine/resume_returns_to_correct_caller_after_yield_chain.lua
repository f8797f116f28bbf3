local a = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield("a" .. i) end
end)
local b = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield("b" .. i .. "(" .. a() .. ")") end
end)
print(b(), b(), b())
