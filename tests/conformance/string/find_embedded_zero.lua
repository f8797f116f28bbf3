print(string.find("a\0b", "\0"))
print(string.find("a\0b", "%z"))
print(string.find("a\0b\0", "[\0]", 3))
print(string.find("a\0b", "b", 1, true))
