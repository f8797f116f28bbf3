print(math.deg(math.pi), math.rad(180), math.deg(1), math.rad(1))
print(math.deg(0), math.rad(-90), math.deg(math.huge))
print(math.type(math.deg(0)), math.type(math.rad(0)))
print(pcall(math.deg), pcall(math.rad, "x"))
