local co = coroutine.create(function()
  local t = {}
  for i = 1, 200 do t[i] = i end
  local back = table.pack(coroutine.yield(table.unpack(t)))
  return back.n, back[1], back[back.n]
end)
local r = table.pack(coroutine.resume(co))
print(r.n, r[1], r[2], r[201])
local args = {}
for i = 1, 150 do args[i] = i * 2 end
print(coroutine.resume(co, table.unpack(args)))
