print(string.format("%x", -1))
print(string.format("%X", -255))
print(string.format("%x %x", math.mininteger, math.maxinteger))
print(string.format("%#x", -2))
