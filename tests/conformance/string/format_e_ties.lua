print(string.format("%.0e %.0e %.0e %.0e", 2.5, 3.5, 25, 35))
print(string.format("%.1e %.1e", 0.125, 0.375))
