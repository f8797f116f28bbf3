print(string.format("%f %f %f", 1, 0.5, -3.25))
print(string.format("%.2f %.0f %.10f", 3.14159, 2.5, 1/3))
print(string.format("[%10.3f] [%-10.3f] [%010.3f] [%+.1f] [% .1f]", 3.14159, 3.14159, -3.14159, 2, 2))
