print("a" .. 1 .. 2.5 .. "b")
print(1 .. 2, 1.0 .. "", -0.5 .. "")
print("x" .. math.maxinteger)
