print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))
print(math.floor(-0.0), math.ceil(-0.5), math.ceil(0.5), math.floor(0.5))
print(math.type(math.floor(3.7)), math.type(math.ceil(-0.5)))
print(math.floor(1e15 + 0.5), math.ceil(-1e15 - 0.5))
