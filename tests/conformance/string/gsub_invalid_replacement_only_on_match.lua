print(string.gsub("abc", "x", "%"))
print(pcall(string.gsub, "abc", "b", "%"))
