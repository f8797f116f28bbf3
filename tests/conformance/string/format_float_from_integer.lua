print(string.format("%.1f %g %e", 3, 10, 100))
print(string.format("%.0f", math.maxinteger))
print(string.format("%f", "1.5"))
