print(string.format("%a %a %a %a", 1, 0.5, 0.1, -2))
print(string.format("%A %A", 255.5, 1e-10))
print(string.format("%a %a", 0, -0.0))
