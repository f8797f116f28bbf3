print(utf8.char(72, 101, 108, 108, 111))
print(utf8.char(65))
print(utf8.char() == "", #utf8.char())
print(#utf8.char(0), utf8.char(0) == "\0")
