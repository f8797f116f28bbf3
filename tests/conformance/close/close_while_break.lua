local i = 0
while true do
  i = i + 1
  local c <close> = setmetatable({}, {__close = function() print("close", i) end})
  if i == 2 then break end
end
print("end")
