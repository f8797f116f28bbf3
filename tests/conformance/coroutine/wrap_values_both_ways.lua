local f = coroutine.wrap(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b, a * b)
  print("resumed", c, d)
  return "done", c .. d
end)
print(f(3, 4))
print(f("x", "y"))
