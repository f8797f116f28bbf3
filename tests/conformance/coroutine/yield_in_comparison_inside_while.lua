local mt = {__lt = function(a, b) return coroutine.yield("cmp " .. a.v .. "<" .. b.v) end}
local lo, hi = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
local co = coroutine.wrap(function()
  local n = 0
  while lo < hi do n = n + 1 end
  return "loops", n
end)
print(co())
print(co(true))
print(co(true))
print(co(false))
