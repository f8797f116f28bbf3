print(math.mininteger << 1, math.mininteger >> 1)
print(math.mininteger << -1)
