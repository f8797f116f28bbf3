print(string.format("%.0f %.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5, -2.5))
print(string.format("%.1f %.1f %.1f %.2f", 0.25, 0.35, 0.45, 1.005))
print(string.format("%.2f %.3f", 2.675, 1.0005))
