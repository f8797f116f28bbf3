local s = load("return [[\r\nx]]")()
print(#s, s)
