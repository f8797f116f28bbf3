print(5e-324, 2.5e-310)
print(1e-300)
print(0.5, 0.25, 0.125)
