print(math.abs(-5.5), math.abs(5.5), math.abs(-0.0), math.abs(0.0))
print(math.abs(-math.huge), math.abs(-1e308), math.abs(-2.0))
print(math.type(math.abs(-3.0)))
