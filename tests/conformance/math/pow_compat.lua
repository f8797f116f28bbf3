print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1/3), math.pow(0, 0))
print(math.pow(-2, 3), math.pow(2, -1), math.pow(math.huge, 0))
print(math.type(math.pow(2, 2)))
print(pcall(math.pow, 2))
