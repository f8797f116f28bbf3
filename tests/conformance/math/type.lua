print(math.type(1), math.type(1.0), math.type(-0.0), math.type(1e100), math.type(2^63))
print(math.type(math.maxinteger), math.type(0x7fffffffffffffff), math.type(1//1), math.type(1/1))
print(math.type("1"), math.type(nil), math.type({}), math.type(print))
print(pcall(math.type))
