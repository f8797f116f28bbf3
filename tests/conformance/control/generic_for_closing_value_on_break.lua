local closer = setmetatable({}, {__close = function() print("closed on break") end})
local function it(s, c) return c + 1 end
for i in it, nil, 0, closer do
  if i == 2 then break end
  print(i)
end
print("done")
