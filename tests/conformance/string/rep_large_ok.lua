local s = string.rep("abcd", 1000000, "|")
print(#s, s:sub(1, 10), s:sub(-10))
