local a, b = 10, 0
print(math.fmod(a, b))
