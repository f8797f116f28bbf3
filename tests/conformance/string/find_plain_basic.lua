print(string.find("hello world", "wor"))
print(string.find("hello world", "xyz"))
print(string.find("hello", ""))
print(string.find("", ""))
