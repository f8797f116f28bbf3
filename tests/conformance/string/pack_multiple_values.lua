local s = string.pack("<i4 d s1 z B", -5, 2.25, "hi", "zed", 200)
print(#s)
print(string.unpack("<i4 d s1 z B", s))
