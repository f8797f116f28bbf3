print(math.sqrt(16), math.exp(0), math.log(1), math.abs(-2.0), math.fmod(4.0, 2))
print(math.deg(0), math.pow(3, 2), math.ldexp(1, 3))
