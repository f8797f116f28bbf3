print(0 ^ 0, 2 ^ -1, (-8) ^ (1/3) ~= (-8) ^ (1/3))
print((-2) ^ 2, -2 ^ 2)
print(2 ^ 63 == math.maxinteger + 1.0)
