-- Generator-style producer/consumer: a pipeline of coroutines (produce → filter → map)
-- passing 3,000,000 values, the consumer summing them.
local function producer(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end

local function filter(src, pred)
  return coroutine.wrap(function()
    for v in src do
      if pred(v) then coroutine.yield(v) end
    end
  end)
end

local function map(src, f)
  return coroutine.wrap(function()
    for v in src do coroutine.yield(f(v)) end
  end)
end

local sum, count = 0, 0
for v in map(filter(producer(tonumber(arg and arg[1]) or 3000000), function(v) return v % 3 ~= 0 end), function(v) return v * 2 end) do
  sum = sum + v
  count = count + 1
end
print(count, sum)
