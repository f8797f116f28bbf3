-- a generic for calls its iterator with the state and the control value: a wrapped
-- coroutine as the iterator sees them as its yield's results
local it = coroutine.wrap(function(s, c)
  print("first call", s, c)
  for i = 1, 3 do
    s, c = coroutine.yield(i, i * 10)
    print("got", s, c)
  end
end)
for a, b in it, "state", "init" do print("loop", a, b) end
