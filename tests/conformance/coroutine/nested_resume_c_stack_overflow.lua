local depth = 0
local function nest()
  depth = depth + 1
  local co = coroutine.create(nest)
  local ok, e = coroutine.resume(co)
  if not ok then error(e, 0) end
  return e
end
local ok, e = pcall(nest)
print(ok)
print(string.match(tostring(e), "C stack overflow") or e)
print(depth > 100, depth < 1000)
