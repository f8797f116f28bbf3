local s = "hello"
print(s:sub(-3), s:sub(-3, -2), s:sub(2, -2), s:sub(-100, 2))
print(s:sub(-1, -1), s:sub(-5, -5))
