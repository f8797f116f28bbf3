local produced = 0
local gen = coroutine.wrap(function()
  for i = 1, 100 do produced = produced + 1 coroutine.yield(i) end
end)
for v in gen do
  if v == 3 then break end
end
print("produced", produced)
print("resume later", gen())
