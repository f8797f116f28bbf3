local log = {}
local ping, pong
ping = coroutine.create(function()
  for i = 1, 3 do
    log[#log + 1] = "ping" .. i
    coroutine.yield()
  end
end)
pong = coroutine.create(function()
  for i = 1, 3 do
    log[#log + 1] = "pong" .. i
    coroutine.yield()
  end
end)
while coroutine.status(ping) ~= "dead" or coroutine.status(pong) ~= "dead" do
  coroutine.resume(ping)
  coroutine.resume(pong)
end
print(table.concat(log, " "))
