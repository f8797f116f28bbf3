local co = coroutine.wrap(function()
  local i = 0
  while i < 3 do
    i = i + 1
    coroutine.yield("while", i)
  end
  repeat
    local stop = coroutine.yield("repeat", i)
    i = i - 1
  until stop
  return "out", i
end)
for _ = 1, 3 do print(co()) end
print(co(false))
print(co(false))
print(co(true))
