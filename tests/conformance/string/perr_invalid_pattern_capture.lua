print(pcall(string.match, "abc", "a)"))
print(pcall(string.gsub, "abc", "b)", ""))
