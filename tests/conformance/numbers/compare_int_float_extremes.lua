print(math.maxinteger + 0.0 == 2^63)
print(math.maxinteger == 2^63, math.maxinteger < 2^63)
print(math.mininteger == -2^63, math.mininteger <= -2^63)
print(math.mininteger < -2^63)
