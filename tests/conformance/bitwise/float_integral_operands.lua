print(3.0 | 0, 2.0 & 3, 1.0 << 2)
print(math.type(3.0 | 0))
print(~2.0)
