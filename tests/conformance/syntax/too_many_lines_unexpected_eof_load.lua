print(load("if x then", "=c"))
print(load("function f(", "=c"))
print(load("local t = {", "=c"))
