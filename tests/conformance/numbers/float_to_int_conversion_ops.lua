print(3.0 // 1, 3 // 1.0)
print(7 % 2.0, 7.0 % 2)
print(math.type(7 % 2.0))
