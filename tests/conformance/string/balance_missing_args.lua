print(pcall(string.find, "abc", "%b"))
print(pcall(string.find, "abc", "%b("))
print(pcall(string.find, "abc", "x%b("))
print(pcall(string.find, "xabc", "x%b("))
