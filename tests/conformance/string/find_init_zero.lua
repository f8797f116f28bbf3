print(string.find("abc", "a", 0))
print(string.find("abc", "", 0))
