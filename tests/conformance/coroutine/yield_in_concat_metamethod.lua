local mt = {__concat = function(a, b)
  local sep = coroutine.yield("concat")
  local sa = type(a) == "table" and "T" or a
  local sb = type(b) == "table" and "T" or b
  return sa .. sep .. sb
end}
local v = setmetatable({}, mt)
local co = coroutine.wrap(function()
  return "x" .. v .. "y" .. v
end)
print(co())
print(co("-"))
print(co("+"))
