local function iter(state, i)
  i = i + 1
  if i > 3 then return nil end
  local extra = coroutine.yield("iter step", i)
  return i, extra
end
local co = coroutine.wrap(function()
  for i, e in iter, nil, 0 do
    print("body", i, e)
  end
  return "loop done"
end)
print(co())
print(co("e1"))
print(co("e2"))
print(co("e3"))
