local function iter()
  local closer = setmetatable({}, {__close = function() print("for closed") end})
  local i = 0
  return function() i = i + 1; if i <= 2 then return i end end, nil, nil, closer
end
for i in iter() do print(i) end
print("after")
