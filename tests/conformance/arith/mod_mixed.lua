print(7 % 2, 7.0 % 2, 7 % 2.0, -7 % 2.0)
print(math.type(7 % 2), math.type(7.0 % 2))
print(5.25 % 1, -5.25 % 1)
