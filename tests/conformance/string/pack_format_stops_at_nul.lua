print(#string.pack("i2\0i2", 1))
print(string.packsize("i4\0i4"))
