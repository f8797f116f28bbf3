local function enum(t)
  return coroutine.wrap(function()
    for i, v in ipairs(t) do coroutine.yield(i, v, v:upper()) end
  end)
end
for i, v, u in enum({"a", "b", "c"}) do print(i, v, u) end
