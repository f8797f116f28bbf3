print(math.maxinteger, math.mininteger)
print(math.maxinteger + 0.0, math.mininteger + 0.0)
