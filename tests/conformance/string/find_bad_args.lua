print(pcall(string.find))
print(pcall(string.find, "abc"))
print(pcall(string.find, "abc", {}))
print(pcall(string.find, "abc", "b", "x"))
