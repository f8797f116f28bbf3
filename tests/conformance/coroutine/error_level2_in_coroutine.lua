local function check(x)
  if type(x) ~= "number" then error("expected number", 2) end
  return x
end
local co = coroutine.create(function()
  check(1)
  check("no")
end)
print(coroutine.resume(co))
