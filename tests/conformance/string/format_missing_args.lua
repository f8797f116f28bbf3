print(pcall(string.format, "%d %d", 1))
print(pcall(string.format, "%s"))
print(pcall(string.format, "%"))
print(pcall(string.format, "abc %"))
