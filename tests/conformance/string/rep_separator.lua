print(string.rep("ab", 3, ","))
print(string.rep("x", 1, ","))
print(string.rep("x", 0, ",") == "")
print(string.rep("", 4, "-"))
