local function nest()
  return coroutine.wrap(nest)()
end
local ok, e = pcall(nest)
print(ok)
print(string.match(tostring(e), "C stack overflow") ~= nil)
