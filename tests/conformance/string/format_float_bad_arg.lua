print(pcall(string.format, "%f", "x"))
print(pcall(string.format, "%g", {}))
print(pcall(string.format, "%e"))
