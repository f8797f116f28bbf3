print(('a"b"c"d"'):match('%b""'))
print(("xaxbx"):match("%bxx"))
