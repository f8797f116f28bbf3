print(1 == 1.0, 0 == -0.0, -1 == -1.0)
print(math.type(1), math.type(1.0))
print(1 .. "", 1.0 .. "")
