print(pcall(string.pack, "I4", -1))
print(#string.pack("J", -1), string.unpack("J", string.pack("J", -1)))
print(string.unpack("I8", string.pack("j", -2)))
