print(pcall(string.find, "abc", "%"))
print(pcall(string.match, "abc", "a%"))
print(pcall(string.gsub, "abc", "%", "x"))
