print(string.format("%d %d %d", 3.0, -0.0, 2^53))
print(string.format("%d", "10"), string.format("%d", " 0x10 "))
