local f = load("return print", "=c", "t", nil)
print(pcall(f))
