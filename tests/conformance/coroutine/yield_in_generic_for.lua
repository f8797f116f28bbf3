local co = coroutine.wrap(function()
  for i, v in ipairs({"x", "y", "z"}) do
    local got = coroutine.yield(i, v)
    print("loop got", got)
  end
  return "finished"
end)
print(co())
print(co("r1"))
print(co("r2"))
print(co("r3"))
