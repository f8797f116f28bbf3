print(string.byte(123, 2))
print(string.byte("abc", "2"))
print(string.byte("abc", 2.0))
