print(string.format("[%.3d] [%.0d] [%.0d] [%5.3d] [%-5.3d] [%05.3d]", 5, 0, 1, -5, 5, 5))
print(string.format("[%.10d] [%+.2d]", -123, 0))
