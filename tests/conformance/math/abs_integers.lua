print(math.abs(-5), math.abs(5), math.abs(0))
print(math.abs(math.mininteger), math.abs(math.maxinteger), math.abs(-math.maxinteger))
print(math.type(math.abs(-3)))
print(math.abs(-2^53 - 1 | 0))
