print(tonumber("  101  ", 2), tonumber("-ff", 16), tonumber("- ff", 16))
print(tonumber("1.0", 10), tonumber("0x10", 16), tonumber("10", 10))
