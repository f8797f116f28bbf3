print(string.find("abc", "x["))
print(string.find("abc", "x%"))
print(pcall(string.find, "xbc", "x["))
print(string.find("abc", "x(", 1))
