print(7 / 2, 7.0 / 2, -7 / 2)
print(1 / 3 * 3 == 1)
print(6 / 3, math.type(6 / 3))
