print(pcall(string.find, "abc", "(a"))
print(pcall(string.match, "abc", "(()"))
