print(pcall(load("return 1 & 2 < 3")))
print(5 & 3 == 1)
print((5 & 3) == 1)
