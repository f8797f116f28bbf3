print("10" + 1, "3.0" + 1, "0x10" * 1)
print(" 5 " + 0, "1e1" + 0)
print(math.type("10" + 1), math.type("10" + 1.0))
