print(string.format("%f", 1e20))
print(string.format("%f", 1e300))
print(string.format("%.3f", 123456789012345678))
print(string.format("%f %.20f", 1e-10, 1e-10))
