local function nest(n)
  if n == 0 then return "bottom" end
  local co = coroutine.create(nest)
  local ok, v = coroutine.resume(co, n - 1)
  if not ok then return "error: " .. tostring(v) end
  return v
end
local r = nest(300)
print(r:match("C stack overflow$") ~= nil, r ~= "bottom")
