local n = 1.5
print(string.format("%d", n))
