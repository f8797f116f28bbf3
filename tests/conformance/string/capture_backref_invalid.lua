print(pcall(string.find, "aa", "%1"))
print(pcall(string.find, "aa", "(a)%2"))
print(pcall(string.find, "aa", "(a%1)"))
print(pcall(string.find, "aa", "(a)%0"))
