local f = load("return 1 + 2")
print(f())
print(load("x = 5")())
print(x)
