print(string.format("%q %q %q", 1.0, 0.5, -2.5))
print(string.format("%q %q", 0.1, 1e100))
print(string.format("%q %q %q", 1/0, -1/0, 0/0))
print(string.format("%q %q", 0.0, -0.0))
