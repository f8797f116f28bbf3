print(pcall(utf8.offset, "\u{E9}", 1, 2))
print(pcall(utf8.offset, "\u{20AC}", -1, 3))
print(utf8.offset("\u{20AC}", 0, 3))
