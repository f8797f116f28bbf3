print(pcall(string.byte, {}))
print(pcall(string.byte))
print(pcall(string.byte, "abc", {}))
