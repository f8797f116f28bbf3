print(-math.mininteger)
print(-math.mininteger == math.mininteger)
