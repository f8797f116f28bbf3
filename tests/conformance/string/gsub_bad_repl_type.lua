print(pcall(string.gsub, "abc", "a"))
print(pcall(string.gsub, "abc", "a", true))
print(pcall(string.gsub, "abc", "a", nil))
