print(load("return 1", "chunk", "b"))
print(load("return 1", "=chunk", "b"))
