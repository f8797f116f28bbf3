print(pcall(math.fmod))
print(pcall(math.fmod, 1))
print(pcall(math.fmod, "a", 1))
print(pcall(math.fmod, 1, {}))
