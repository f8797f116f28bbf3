print(string.match("hello", "()ll()"))
print(string.match("hello", "()"))
print(string.match("", "()"))
print(math.type(string.match("abc", "()b")))
