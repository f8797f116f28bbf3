-- an integer loop whose values leave the range of exact doubles
for i = 9007199254740990, 9007199254740993 do print(i, i + 1, math.type(i)) end
local n = 0
for i = 1, math.maxinteger do n = n + 1 if n == 3 then break end end
print(n)
for i = math.maxinteger - 1, math.maxinteger do print(i) end
