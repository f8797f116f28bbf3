print(math.abs("-3"), math.abs("4.5"), math.abs(" -0x10 "))
print(math.type(math.abs("-3")))
