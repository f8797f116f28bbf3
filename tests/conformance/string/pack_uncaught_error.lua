local s = string.pack("i1", 200)
