print(pcall(string.gsub, "abc", "(a", "%1"))
print(pcall(string.find, "abc", "(a"))
