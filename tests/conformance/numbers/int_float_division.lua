print(3 // 2, 3 / 2)
print(math.type(3 // 2), math.type(3 / 2))
print(4 / 2, math.type(4 / 2))
