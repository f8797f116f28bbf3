-- state machine with locals and closures, inside a loop, with break and repeat
for round = 1, 2 do
  local n = 0
  local fs = {}
  goto middle
  ::top::
  n = n + 10
  ::middle::
  do local k = n; fs[#fs + 1] = function() return k end end
  n = n + 1
  if n < 25 then goto top end
  print(round, n, #fs, fs[1](), fs[#fs]())
  if round == 1 then goto done end
  print("second round")
  ::done::
end
local i = 0
repeat
  goto b
  ::a::
  i = i + 1
  ::b::
  i = i + 1
  if i < 5 then goto a end
until i >= 5
print(i)
