print(string.byte("hello", 2, 4))
print(string.byte("hello", 1, -1))
