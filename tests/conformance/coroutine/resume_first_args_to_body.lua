local co = coroutine.create(function(a, b, c)
  print("body got", a, b, c)
  return "done"
end)
print(coroutine.resume(co, 1, "two", 3.5))
