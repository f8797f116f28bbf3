print(load("return 1", "=c", "t")())
print(load("return 2", "=c", "bt")())
