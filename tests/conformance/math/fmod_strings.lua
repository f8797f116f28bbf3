print(math.fmod("7", 3), math.fmod(7, "3"), math.fmod("7", "3"))
print(pcall(math.fmod, "7", "0"))
