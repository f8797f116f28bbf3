local a, b, c
local function show(label)
  print(label, coroutine.status(a), coroutine.status(b), coroutine.status(c))
end
c = coroutine.create(function() show("in c:") coroutine.yield() end)
b = coroutine.create(function() show("in b:") coroutine.resume(c) show("b after c:") end)
a = coroutine.create(function() show("in a:") coroutine.resume(b) show("a after b:") end)
show("start:")
coroutine.resume(a)
show("end:")
