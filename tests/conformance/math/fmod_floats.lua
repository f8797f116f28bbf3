print(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(7.5, -2), math.fmod(-7.5, -2))
print(math.fmod(1, 0.3), math.fmod(5.0, 5), math.fmod(-6.0, 3))
print(math.fmod(1, math.huge), math.fmod(-1, math.huge), math.fmod(1e308, 1e-308))
print(math.type(math.fmod(7.0, 3)))
