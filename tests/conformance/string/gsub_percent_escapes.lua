print(string.gsub("50", "%d+", "%0%%"))
print(string.gsub("a", "a", "%%1"))
print(pcall(string.gsub, "a", "a", "%x"))
print(pcall(string.gsub, "a", "a", "50%"))
