local co = coroutine.wrap(function()
  local r = {pcall(pcall, function()
    coroutine.yield("deep")
    error("inner", 0)
  end)}
  return r[1], r[2], r[3]
end)
print(co())
print(co())
