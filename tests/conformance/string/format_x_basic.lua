print(string.format("%x %X %x %X", 255, 255, 3735928559, 3735928559))
print(string.format("%#x %#X %#x", 255, 255, 0))
print(string.format("[%8x] [%-8X] [%08x] [%.4x] [%#010x]", 255, 255, 255, 255, 255))
