print(pcall(string.format))
print(pcall(string.format, {}))
print(string.format(""))
print(string.format(12))
