print(pcall(math.modf))
print(pcall(math.modf, "x"))
print(math.modf("2.25"))
