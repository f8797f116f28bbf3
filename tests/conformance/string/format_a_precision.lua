print(string.format("%.0a %.1a %.3a %.20a", 1.5, 1.96875, 1/3, 1))
print(string.format("%.0a %.0a %.1a", 1.5, 2.5, 1.03125))
