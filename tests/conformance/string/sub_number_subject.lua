print(string.sub(12345, 2, 3), string.sub(1.25, -2))
