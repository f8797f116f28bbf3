print(pcall(string.pack, "d", "x"))
print(pcall(string.pack, "f", {}))
print(string.unpack("d", string.pack("d", "2.5")))
