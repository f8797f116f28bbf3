print(math.log(-8, 2))
for i = 0, 62, 7 do io.write(tostring(math.log(2^i, 2)), " ") end
print()
print(math.log(1 << 40, 2), math.log(3, 2), math.log(0.125, 2), math.log(0, 2))
