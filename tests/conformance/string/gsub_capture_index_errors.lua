print(pcall(string.gsub, "abc", "(a)", "%2"))
print(pcall(string.gsub, "abc", "a", "%2"))
print(string.gsub("abc", "a", "%1"))
print(pcall(string.gsub, "abc", "x", "%9"))
