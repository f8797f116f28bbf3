print(string.format("%.99f", 0.1))
print(string.format("%99.99f", -1e308):sub(1, 60))
