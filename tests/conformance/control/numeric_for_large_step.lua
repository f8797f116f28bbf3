for i = 1, math.maxinteger, math.maxinteger // 2 do print(i) end
for i = 0, math.mininteger, math.mininteger do print(i) end
