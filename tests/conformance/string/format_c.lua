print(string.format("%c%c%c", 76, 117, 97))
print(string.format("[%5c] [%-5c]", 65, 66))
print(string.format("%c", 256 + 65), #string.format("%c", 0))
