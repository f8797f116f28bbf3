print(pcall(string.char, "x"))
print(pcall(string.char, 65, nil))
print(pcall(string.char, 1.5))
