print(string.format("%#g %#g %#.3g %#.1g", 1, 100000, 1, 0.5))
print(string.format("%#g %#.3g %#.2g", 999999.5, 999.5, 99.5))
