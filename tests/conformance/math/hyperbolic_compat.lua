print(math.cosh(0), math.sinh(0), math.tanh(0))
print(math.cosh(1), math.sinh(1), math.tanh(1))
print(math.sinh(-0.0), math.tanh(math.huge), math.cosh(math.huge), math.sinh(-math.huge))
print(pcall(math.cosh))
