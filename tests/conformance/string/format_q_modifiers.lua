print(pcall(string.format, "%10q", "x"))
print(pcall(string.format, "%-q", "x"))
print(pcall(string.format, "%.3q", "x"))
