print(math.pi * 2^50 // 1)
print(math.pi == 3.141592653589793, math.pi - 3.14159265358979 > 0)
