print(("hello"):sub(2.0, 4.0))
print(pcall(string.sub, "hello", 1.5))
print(pcall(string.sub, "hello", 1, "x"))
