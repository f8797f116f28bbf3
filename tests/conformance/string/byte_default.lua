print(string.byte("ABC"))
print(("xyz"):byte())
