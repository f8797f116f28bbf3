print(tonumber("10", 2), tonumber("ff", 16), tonumber("FF", 16), tonumber("777", 8))
print(tonumber("z", 36), tonumber("Z", 36), tonumber("zz", 36))
print(tonumber("8", 8), tonumber("2", 2), tonumber("", 10))
