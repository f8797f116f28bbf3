print(string.char(72, 101, 108, 108, 111))
print(string.char() == "")
print(#string.char(0, 255))
