print(pcall(string.format, "%y", 1))
print(pcall(string.format, "%ld", 1))
print(pcall(string.format, "%10.3y", 1))
print(pcall(string.format, "%F", 1))
