print(pcall(string.pack))
print(pcall(string.pack, {}))
print(pcall(string.unpack, "i"))
print(pcall(string.packsize))
