print(("hello"):sub("2", "3"))
print(("hello"):sub(" 2 ", "0x3"))
