print(pcall(math.abs))
print(pcall(math.abs, nil))
print(pcall(math.abs, "x"))
print(pcall(math.abs, {}))
