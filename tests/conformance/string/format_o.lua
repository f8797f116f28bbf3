print(string.format("%o %o %#o %#o %o", 8, 0, 8, 0, -1))
print(string.format("[%6o] [%-6o] [%06o] [%.4o] [%#.0o]", 8, 8, 8, 8, 0))
