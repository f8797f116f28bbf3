print(string.byte("hello", -1))
print(string.byte("hello", -3, -2))
print(string.byte("hello", -10, 2))
