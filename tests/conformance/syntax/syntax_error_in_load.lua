print(load("local x = ", "=chunk"))
print(load("return return", "=chunk"))
print(load("f(", "=chunk"))
