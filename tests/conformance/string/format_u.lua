print(string.format("%u %u", 42, -1))
print(string.format("[%5u] [%-5u] [%05u] [%.3u]", 7, 7, 7, 7))
