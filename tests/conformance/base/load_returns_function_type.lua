local f = load("return ...")
print(type(f), f(1, 2))
