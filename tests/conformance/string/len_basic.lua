print(string.len(""), string.len("abc"), string.len("a\0b"))
print(("hello"):len(), #"hello")
print(string.len(12345), string.len(1.5))
