print(pcall(string.format, "abc %", 1))
print(pcall(string.format, "%-", 1))
print(pcall(string.format, "%5", 1))
