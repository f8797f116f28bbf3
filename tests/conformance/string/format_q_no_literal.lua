print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%q", print))
