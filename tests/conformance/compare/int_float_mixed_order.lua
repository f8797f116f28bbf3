print(1 < 1.0000000000000002, 3 <= 3.0, -1 > -1.5)
print(math.maxinteger + 0.0 > math.maxinteger)
print(math.mininteger + 0.0 == math.mininteger)
