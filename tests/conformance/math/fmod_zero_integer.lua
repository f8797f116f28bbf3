print(pcall(math.fmod, 1, 0))
print(pcall(math.fmod, 0, 0))
print(pcall(math.fmod, math.mininteger, 0))
