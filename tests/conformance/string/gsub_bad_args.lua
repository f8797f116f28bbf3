print(pcall(string.gsub))
print(pcall(string.gsub, "abc"))
print(pcall(string.gsub, "abc", "b", "x", "y"))
