print(6.0 & 3.0, math.type(6.0 & 3.0))
print(-1.0 >> 60)
