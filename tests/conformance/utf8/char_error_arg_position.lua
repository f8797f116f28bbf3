print(pcall(utf8.char, 65, 66, 0x80000000, 67))
print(pcall(utf8.char, 65, 66, 67, "z"))
