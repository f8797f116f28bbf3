print(math.maxinteger + 1 == math.mininteger)
print(math.maxinteger + 1)
print(math.mininteger - 1)
