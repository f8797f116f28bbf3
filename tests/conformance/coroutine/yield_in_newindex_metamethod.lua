local store = {}
local t = setmetatable({}, {__newindex = function(t, k, v)
  local ok = coroutine.yield("set " .. k)
  if ok then rawset(store, k, v) end
end})
local co = coroutine.wrap(function()
  t.a = 1
  t.b = 2
  return "done"
end)
print(co())
print(co(true))
print(co(false))
print(store.a, store.b)
