print(load("return +"))
print(load("x ="))
