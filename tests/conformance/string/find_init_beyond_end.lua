print(string.find("abc", "", 4))
print(string.find("abc", "", 5))
print(string.find("abc", "$", 4))
print(string.find("abc", "x*", 10))
