print(math.fmod(1, 0.0), math.fmod(-1, 0.0), math.fmod(1.0, 0))
print(math.fmod(math.huge, 2), math.fmod(0/0, 1))
