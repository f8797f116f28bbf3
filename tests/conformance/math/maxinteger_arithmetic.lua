print(math.maxinteger + 0.0, math.mininteger + 0.0)
print(math.maxinteger * 2, math.mininteger * -1)
print(math.maxinteger // -1, math.mininteger % -1)
print(math.maxinteger < 2^63, math.maxinteger + 1.0 == 2^63)
