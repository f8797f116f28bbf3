local names = {}
local cos = {}
for i = 1, 5 do
  local co = coroutine.create(function() coroutine.yield() end)
  cos[i] = co
  names[co] = "co" .. i
end
for i = 5, 1, -1 do print(names[cos[i]]) end
names[cos[3]] = nil
local n = 0
for k, v in pairs(names) do n = n + 1 end
print("count", n, names[cos[3]])
