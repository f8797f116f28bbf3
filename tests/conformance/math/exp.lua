print(math.exp(0), math.exp(1), math.exp(-1), math.exp(10))
print(math.exp(710), math.exp(-750), math.exp(-math.huge), math.exp(math.huge))
print(math.type(math.exp(0)))
print(pcall(math.exp, "e"))
