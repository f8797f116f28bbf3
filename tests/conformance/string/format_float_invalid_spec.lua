print(pcall(string.format, "%123f", 1))
print(pcall(string.format, "%.123f", 1))
print(pcall(string.format, "%0123f", 1))
print(pcall(string.format, "%--5f", 1))
