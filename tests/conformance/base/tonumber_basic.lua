print(tonumber("10"), tonumber("10.0"), tonumber("  5  "), tonumber("-3"))
print(tonumber(42), tonumber(4.5), tonumber("abc"), tonumber(""))
print(math.type(tonumber("10")), math.type(tonumber("10.0")))
