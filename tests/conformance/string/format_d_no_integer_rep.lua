print(pcall(string.format, "%d", 1.5))
print(pcall(string.format, "%d", 2^63))
print(pcall(string.format, "%x", 0/0))
print(pcall(string.format, "%d", "1.5"))
