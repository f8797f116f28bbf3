print(pcall(string.pack, "c", "x"))
print(pcall(string.packsize, "c"))
print(pcall(string.unpack, "c", "x"))
