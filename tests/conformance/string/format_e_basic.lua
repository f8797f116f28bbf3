print(string.format("%e %E", 12345.6789, 0.000123))
print(string.format("%.2e %.0e %10.2e|%-10.2e|", 12345.6789, 5e10, 1.5, 1.5))
print(string.format("%e %e", 0, -0.0))
