print(string.rep("ab", 3))
print(string.rep("x", 0) == "", string.rep("x", -5) == "")
print(string.rep("", 100) == "")
print(("-"):rep(10))
