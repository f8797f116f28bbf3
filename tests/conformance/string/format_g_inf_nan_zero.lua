print(string.format("%g %g %g %g", 1/0, -1/0, 0, -0.0))
print(string.format("%G %G", 1/0, 0/0 ~= 0/0 and 1/0 or 0))
