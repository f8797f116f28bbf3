-- coroutine.yield with a call or `...` last gives all their values; in parentheses, one
local function three() return 1, nil, 3 end
local function none() end
local co = coroutine.wrap(function(...)
  coroutine.yield(three())
  coroutine.yield((three()))
  coroutine.yield(none())
  coroutine.yield((none()))
  coroutine.yield(...)
  coroutine.yield("a", three())
  coroutine.yield(three(), "b")
  coroutine.yield(nil)
  coroutine.yield()
  return ...
end)
local function show(...) print(select("#", ...), ...) end
for _ = 1, 10 do show(co("x", nil, "z", nil)) end
