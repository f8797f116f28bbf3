local closer = setmetatable({}, {__close = function(o, e) print("for closed with", e) end})
print(pcall(function()
  for i in function(s, c) return (c or 0) + 1 end, nil, nil, closer do
    if i == 2 then error("stop", 0) end
  end
end))
