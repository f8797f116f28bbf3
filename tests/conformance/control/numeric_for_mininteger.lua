for i = math.mininteger, math.mininteger + 2 do print(i) end
for i = math.mininteger + 2, math.mininteger, -1 do print(i) end
