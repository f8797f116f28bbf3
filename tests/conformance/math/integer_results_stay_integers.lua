print(math.abs(-7), math.floor(7), math.ceil(7), math.fmod(7, 2), math.max(1, 2), math.min(1, 2))
print(math.tointeger(7.0), math.ult(1, 2))
