local co = coroutine.create(function(...)
  local t = table.pack(coroutine.yield(nil, 2, nil, 4, nil))
  print("n", t.n, t[1], t[2], t[3], t[4], t[5])
  return nil, nil, "last"
end)
local r = table.pack(coroutine.resume(co))
print(r.n, r[1], r[2], r[3], r[4], r[5], r[6])
r = table.pack(coroutine.resume(co, nil, "b", nil, nil, "e"))
print(r.n, r[1], r[2], r[3], r[4])
