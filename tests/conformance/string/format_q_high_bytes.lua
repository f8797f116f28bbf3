local s = string.format("%q", "\128\200\255")
print(#s, s:byte(1, -1))
