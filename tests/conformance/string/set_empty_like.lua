print(pcall(string.find, "abc", "[]"))
print(pcall(string.find, "abc", "[^]"))
print(string.find("a]", "[]]"))
