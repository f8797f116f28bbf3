local t = setmetatable({}, {__pairs = function(self)
  local v = coroutine.yield("in __pairs")
  return next, {v}, nil
end})
local co = coroutine.create(function()
  for k, v in pairs(t) do print("pair", k, v) end
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resumed value"))
