print(#string.format("%s", "a\0b"))
print(pcall(string.format, "%5s", "a\0b"))
print(pcall(string.format, "%.1s", "a\0b"))
