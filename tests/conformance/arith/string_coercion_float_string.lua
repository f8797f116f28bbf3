print("0.5" * 2, "1e2" + 0, "-.5" + 1)
print("0x1p4" + 0)
print(math.type("2" * "3"), math.type("2.0" * "3"))
