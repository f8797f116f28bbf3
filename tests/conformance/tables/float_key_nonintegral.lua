local t = {}
t[1.5] = "a"
t[-0.0] = "negzero"
print(t[1.5], t[0], t[0.0])
