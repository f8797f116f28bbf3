local s = "a\0b\0c"
print(#s:sub(2, 4), s:sub(2, 4) == "\0b\0")
