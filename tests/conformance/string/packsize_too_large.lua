print(pcall(string.packsize, "c9223372036854775807c1"))
print(string.packsize("c1000000000"))
