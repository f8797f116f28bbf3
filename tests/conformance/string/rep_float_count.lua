print(string.rep("a", 3.0))
print(pcall(string.rep, "a", 2.5))
print(string.rep("a", "2"))
