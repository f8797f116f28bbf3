print(string.find("abc", "b", nil))
print(string.find("abc", "b", nil, true))
