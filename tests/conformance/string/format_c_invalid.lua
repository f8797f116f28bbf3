print(pcall(string.format, "%.2c", 65))
print(pcall(string.format, "%05c", 65))
print(pcall(string.format, "%c", "x"))
print(pcall(string.format, "%c", 65.5))
