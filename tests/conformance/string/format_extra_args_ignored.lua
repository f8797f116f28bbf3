print(string.format("%d", 1, 2, 3))
print(string.format("no conversions", 1, 2))
