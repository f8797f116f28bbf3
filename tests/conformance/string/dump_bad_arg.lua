print(pcall(string.dump))
print(pcall(string.dump, 1))
print(pcall(string.dump, {}))
