local co = coroutine.create(function()
  local out = {}
  for w in string.gmatch("a b c", "%a") do
    out[#out + 1] = coroutine.yield(w)
  end
  return table.concat(out)
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "A"))
print(coroutine.resume(co, "B"))
print(coroutine.resume(co, "C"))
