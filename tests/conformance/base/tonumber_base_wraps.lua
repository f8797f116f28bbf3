print(tonumber("ffffffffffffffff", 16))
print(tonumber("10000000000000000", 16))
print(math.type(tonumber("ff", 16)))
