local co = coroutine.wrap(function()
  local n = select('#', coroutine.yield("first"))
  return "select saw", n
end)
print(co())
print(co(1, 2, 3))
