do
  local closer = setmetatable({}, {__close = function() print("iterator closed") end})
  local function it(s, c) if c < 2 then return c + 1 end end
  for i in it, nil, 0, closer do print("iter", i) end
  print("after loop")
end
