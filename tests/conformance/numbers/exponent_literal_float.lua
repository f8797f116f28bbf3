print(1e2, math.type(1e2))
print(1E2, 2e-1, 5e+0)
print(.5, 3., 3.e1)
