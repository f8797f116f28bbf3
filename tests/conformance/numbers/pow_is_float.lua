print(2 ^ 2, math.type(2 ^ 2))
print(2 ^ 0.5)
print(10 ^ -1)
