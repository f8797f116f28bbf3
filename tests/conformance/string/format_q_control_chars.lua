print(string.format("%q", "\0\1\0011\r\127\1279"))
print(string.format("%q", "\27[0m"))
