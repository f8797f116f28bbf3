local s = string.pack("!4 b i", 7, 9)
print(#s, string.unpack("!4 b i", s))
print(string.unpack("!4 i", "xxxx\9\0\0\0", 5))
