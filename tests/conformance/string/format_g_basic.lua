print(string.format("%g %g %g %g", 1, 0.5, 100000, 1000000))
print(string.format("%g %g %g %g", 1e-4, 1e-5, 123456789, 0.0001234))
print(string.format("%G %G", 1e-10, 1e20))
