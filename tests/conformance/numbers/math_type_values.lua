print(math.type(1), math.type(1.5), math.type("1"), math.type(nil))
print(math.type(2^31), math.type(1 // 1), math.type(1.0 // 1))
