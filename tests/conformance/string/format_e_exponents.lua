print(string.format("%e %e %e %e", 1e100, 1e-100, 1e300, 5e-324))
print(string.format("%.3e %.3e", 9.9995, 9.9994))
