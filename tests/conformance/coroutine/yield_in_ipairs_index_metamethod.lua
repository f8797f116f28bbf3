local t = setmetatable({}, {__index = function(_, i)
  if i <= 2 then return coroutine.yield(i) end
end})
local co = coroutine.create(function()
  for i, v in ipairs(t) do print("item", i, v) end
  return "done"
end)
print(coroutine.resume(co))
