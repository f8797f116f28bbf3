print(string.find("key = value", "(%w+)%s*=%s*(%w+)"))
print(string.find("hello", "(l)(l)"))
print(string.find("hello", "()ll()"))
