print(pcall(math.log))
print(pcall(math.log, {}))
print(pcall(math.log, 10, {}))
print(math.log(math.exp(2), nil))
