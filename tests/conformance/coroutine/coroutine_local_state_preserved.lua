local co = coroutine.wrap(function()
  local a, b, c = 1, "two", {3}
  coroutine.yield()
  a = a + 1
  coroutine.yield()
  return a, b, c[1]
end)
co(); co()
print(co())
