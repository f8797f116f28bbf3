print(string.format("%.3g %.10g %.1g %.0g", math.pi, math.pi, 15, 15))
print(string.format("%.14g %.17g", 0.1, 0.1))
print(string.format("%.3g %.3g", 1234.5, 0.00012345))
