print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, nil, nil, nil))
