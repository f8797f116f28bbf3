local counter = 0
local co = coroutine.wrap(function()
  while true do
    counter = counter + 1
    coroutine.yield(counter)
  end
end)
co(); co()
counter = counter + 10
print(co(), counter)
