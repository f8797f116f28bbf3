print(string.packsize("i"), string.packsize("b"), string.packsize("h"), string.packsize("l"))
print(string.packsize("j"), string.packsize("T"), string.packsize("f"), string.packsize("d"), string.packsize("n"))
print(string.packsize("i3 c10 x"), string.packsize("!i1i2i4i8"))
