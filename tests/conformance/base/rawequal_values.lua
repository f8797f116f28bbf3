print(rawequal(1, 1), rawequal(1, 1.0), rawequal("a", "a"), rawequal({}, {}))
print(rawequal(nil, nil), rawequal(0, -0.0))
print(pcall(rawequal, 1))
