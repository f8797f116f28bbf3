print(string.format("%d %d %d", 0, 42, -42))
print(string.format("%i|%5d|%-5d|%05d", 7, 7, 7, 7))
