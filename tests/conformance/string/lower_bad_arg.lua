print(pcall(string.lower))
print(pcall(string.upper, {}))
