local function producer()
  return coroutine.create(function()
    for _, item in ipairs({"apple", "banana", "cherry"}) do
      coroutine.yield(item)
    end
  end)
end
local function filter(prod)
  return coroutine.create(function()
    local n = 1
    while true do
      local ok, x = coroutine.resume(prod)
      if not x then break end
      coroutine.yield(string.format("%d: %s", n, x))
      n = n + 1
    end
  end)
end
local function consumer(prod)
  while true do
    local ok, x = coroutine.resume(prod)
    if not x then break end
    print(x)
  end
end
consumer(filter(producer()))
