local s = string.format("a\0b%dc\0", 5)
print(#s, s:byte(1, -1))
