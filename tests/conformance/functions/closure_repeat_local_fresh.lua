local fs = {}
local i = 0
repeat
  i = i + 1
  local j = i * 10
  fs[i] = function() j = j + 1; return j end
until i == 2
print(fs[1](), fs[1](), fs[2]())
