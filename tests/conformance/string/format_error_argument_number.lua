print(pcall(string.format, "%d %d %d", 1, 2, "x"))
print(pcall(string.format, "%s %s %q", 1, 2, {}))
