print(math.maxinteger - 1, math.mininteger + 1)
print(math.maxinteger // 2, math.mininteger // 2)
print(1000000 * 1000000)
