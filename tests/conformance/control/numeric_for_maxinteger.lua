for i = math.maxinteger - 2, math.maxinteger do print(i) end
