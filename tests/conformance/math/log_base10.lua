for i = 0, 15 do io.write(tostring(math.log(10^i, 10)), " ") end
print()
print(math.log(1e-5, 10), math.log(2, 10), math.log(0, 10), math.log(-10, 10))
