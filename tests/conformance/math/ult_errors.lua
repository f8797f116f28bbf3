print(pcall(math.ult))
print(pcall(math.ult, 1))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, 1, "x"))
