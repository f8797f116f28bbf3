local function nest(n)
  if n == 0 then return "bottom" end
  local co = coroutine.create(nest)
  local ok, v = coroutine.resume(co, n - 1)
  if not ok then return "error at " .. n .. ": " .. tostring(v) end
  return v
end
print(nest(150))
