local t = {3, 1.5, 2, -0.5, 2.0, 1, math.huge, -math.huge, 2^53, math.maxinteger, math.mininteger}
table.sort(t)
for i = 1, #t do io.write(tostring(t[i]), " ") end
print()
