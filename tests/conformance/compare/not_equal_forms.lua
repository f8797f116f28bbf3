print(1 ~= 1.0, "a" ~= "b", nil ~= false)
print(not (1 ~= 2))
