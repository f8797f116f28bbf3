print(#string.pack(""), string.packsize(""))
print(string.unpack("", "abc"))
print(string.unpack("", "abc", 3))
