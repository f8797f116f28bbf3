local mt = {__lt = function() return coroutine.yield("deciding") end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function()
  if a < b then return "then branch" else return "else branch" end
end)
print(co())
print(co(false))
local co2 = coroutine.wrap(function()
  if not (a < b) then return "not branch" end
  return "fallthrough"
end)
print(co2())
print(co2(true))
