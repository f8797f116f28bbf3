print(1 + 2, 1 + 2.0, 1.0 + 2)
print(math.type(1 + 2), math.type(1 + 2.0))
print(2^53 + 1)
