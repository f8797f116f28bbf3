print(math.max("10", "9"), math.min("b", "a", "c"))
print(pcall(math.max, 1, "2"))
print(pcall(math.min, {}, 1))
