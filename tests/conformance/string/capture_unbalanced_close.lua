print(pcall(string.find, "abc", "a)"))
print(pcall(string.find, "abc", ".)"))
print(pcall(string.match, "abc", "%w)"))
