local co = coroutine.create(function(t)
  return t.a.b
end)
print(coroutine.resume(co, {}))
