print(-1 >> 1 == math.maxinteger)
print(math.mininteger >> 63)
print(-256 >> 4)
