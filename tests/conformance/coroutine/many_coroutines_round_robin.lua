local cos = {}
local sums = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function()
    local s = 0
    for step = 1, 5 do
      s = s + i * step
      coroutine.yield()
    end
    sums[i] = s
  end)
end
local alive = #cos
while alive > 0 do
  alive = 0
  for i = 1, #cos do
    if coroutine.status(cos[i]) ~= "dead" then
      coroutine.resume(cos[i])
      alive = alive + 1
    end
  end
end
local total = 0
for i = 1, 1000 do total = total + sums[i] end
print(#sums, total, coroutine.status(cos[1]), coroutine.status(cos[1000]))
