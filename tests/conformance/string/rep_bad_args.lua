print(pcall(string.rep))
print(pcall(string.rep, "x"))
print(pcall(string.rep, "x", 2, {}))
