local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(7, 7))
print(string.sub(s, 3, 2) == "")
