print(pcall(string.match, "abc", "%1"))
print(pcall(string.match, "abc", "(a)%2"))
print(pcall(string.match, "abc", "(a)%9"))
