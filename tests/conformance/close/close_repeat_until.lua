local i = 0
repeat
  i = i + 1
  local c <close> = setmetatable({}, {__close = function() print("close", i) end})
until i == 2
print("end")
